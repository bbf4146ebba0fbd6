//! `whosaid serve`: a tiny static file server for `www/` on loopback (owned by the infra work).

pub fn run(_args: &[String]) -> Result<(), String> {
    Err("serve: not implemented yet".into())
}
