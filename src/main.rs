fn main() {
    println!("whosaid");
}
