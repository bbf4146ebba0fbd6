//! The `whosaid` command line: annotate files into JSON, score against gold, serve the page.

mod serve;

use std::process::ExitCode;

const USAGE: &str = "\
whosaid — marks who said what and what is claimed in news articles

USAGE:
    whosaid annotate [--lossy] [--pretty] FILE...   annotate files (or - for stdin), print JSON
    whosaid eval [--pred DIR] [--json] GOLD_DIR_OR_FILES...
                                                    score against gold files
    whosaid serve [--port N] [--dir DIR]            build nothing, serve DIR (default www/) on 127.0.0.1
    whosaid help                                    this text
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(cmd) = args.first() else {
        eprint!("{USAGE}");
        return ExitCode::from(2);
    };
    let rest = &args[1..];
    let result = match cmd.as_str() {
        "annotate" => annotate_cmd(rest),
        "eval" => Err("eval: not implemented yet".to_string()),
        "serve" => serve::run(rest),
        "help" | "-h" | "--help" => {
            print!("{USAGE}");
            Ok(())
        }
        other => Err(format!("unknown command `{other}`\n\n{USAGE}")),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(msg) => {
            eprintln!("whosaid: {msg}");
            ExitCode::from(2)
        }
    }
}

fn annotate_cmd(_args: &[String]) -> Result<(), String> {
    Err("annotate: not implemented yet".into())
}
