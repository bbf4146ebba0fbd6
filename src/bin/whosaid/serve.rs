//! `whosaid serve`: a tiny static file server for `www/` on loopback.
//!
//! Why our own: the page must be served with `application/wasm` (or `WebAssembly.instantiateStreaming`
//! refuses the module) and the set-up must need no external service, so a few hundred lines of
//! std-only HTTP/1.1 beat a dependency. It binds 127.0.0.1 only, answers GET and HEAD, one thread
//! per connection, one request per connection (`Connection: close`), and never caches
//! (`Cache-Control: no-store`) so a rebuilt `www/pkg` is picked up on reload.
//!
//! Files named `*.csp.html` are served with a strict `Content-Security-Policy` (see [`CSP`]), so
//! a page can check that whosaid works under the policy a careful site would set, without putting
//! that policy on every page.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read, Write};
use std::net::{Ipv4Addr, TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::time::Duration;

/// Sent only with files whose name ends in `.csp.html`: scripts from our origin only, wasm
/// compilation allowed (`'wasm-unsafe-eval'`), no inline script or style, no plugins.
pub const CSP: &str =
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; object-src 'none'; base-uri 'none'";

/// Longest request head we read; anything longer is answered 431 and dropped.
const MAX_HEAD: usize = 16 * 1024;
/// A client that sends nothing for this long is dropped (keeps stuck threads from piling up).
const IO_TIMEOUT: Duration = Duration::from_secs(15);

pub fn run(args: &[String]) -> Result<(), String> {
    let mut port: u16 = 8000;
    let mut dir = PathBuf::from("www");
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--port" => {
                let v = it.next().ok_or("serve: --port needs a number")?;
                port = v.parse().map_err(|_| format!("serve: bad port `{v}`"))?;
            }
            "--dir" => dir = PathBuf::from(it.next().ok_or("serve: --dir needs a directory")?),
            "-h" | "--help" => {
                println!("whosaid serve [--port N (default 8000, 0 = any free)] [--dir DIR (default www)]");
                return Ok(());
            }
            other => return Err(format!("serve: unknown argument `{other}`")),
        }
    }
    let root = dir
        .canonicalize()
        .map_err(|e| format!("serve: {}: {e}", dir.display()))?;
    if !root.is_dir() {
        return Err(format!("serve: {} is not a directory", dir.display()));
    }
    let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, port))
        .map_err(|e| format!("serve: cannot listen on 127.0.0.1:{port}: {e}"))?;
    let addr = listener.local_addr().map_err(|e| format!("serve: {e}"))?;
    // The e2e harness waits for this line (and reads the port from it when started with --port 0).
    println!("whosaid: serving {} at http://{addr}/", root.display());
    let _ = io::stdout().flush();
    serve(listener, root);
    Ok(())
}

/// Accepts forever, one thread per connection. Errors on one connection never stop the server.
pub fn serve(listener: TcpListener, root: PathBuf) {
    for stream in listener.incoming() {
        let Ok(stream) = stream else { continue };
        let root = root.clone();
        // If a thread cannot be spawned the connection is simply dropped.
        let _ = std::thread::Builder::new()
            .name("whosaid-serve".into())
            .spawn(move || {
                let _ = handle(stream, &root);
            });
    }
}

/// What a request target resolves to.
#[derive(Debug, PartialEq, Eq)]
pub enum Resolved {
    File(PathBuf),
    /// A directory asked for without its trailing slash: redirect so relative URLs work.
    Redirect(String),
    BadRequest,
    Forbidden,
    NotFound,
}

/// Maps a request target (`/a/b.js?x=1`) to a file under `root` (already canonical).
/// `..` segments are refused outright (403), not normalised; dot-files are hidden (404); a
/// resolved path that leaves `root` through a symlink is refused (403).
pub fn resolve(root: &Path, target: &str) -> Resolved {
    let path = target.split(['?', '#']).next().unwrap_or("");
    if !path.starts_with('/') {
        return Resolved::BadRequest;
    }
    let Some(decoded) = percent_decode(path) else {
        return Resolved::BadRequest;
    };
    if decoded.contains('\0') {
        return Resolved::BadRequest;
    }
    let mut rel = PathBuf::new();
    for seg in decoded.split('/') {
        match seg {
            "" | "." => {}
            ".." => return Resolved::Forbidden,
            s if s.contains('\\') => return Resolved::Forbidden,
            s if s.starts_with('.') => return Resolved::NotFound,
            s => rel.push(s),
        }
    }
    // Belt and braces: whatever survived must be plain names only.
    if rel.components().any(|c| !matches!(c, Component::Normal(_))) {
        return Resolved::Forbidden;
    }
    let mut full = root.join(&rel);
    if full.is_dir() {
        if !decoded.ends_with('/') {
            return Resolved::Redirect(format!("{path}/"));
        }
        full.push("index.html");
    }
    match full.canonicalize() {
        Ok(real) if !real.starts_with(root) => Resolved::Forbidden,
        Ok(real) if real.is_file() => Resolved::File(real),
        _ => Resolved::NotFound,
    }
}

/// Decodes `%XX` escapes; `None` if an escape is malformed or the result is not UTF-8.
fn percent_decode(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' {
            let hex = b.get(i + 1..i + 3)?;
            let hex = std::str::from_utf8(hex).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// The Content-Type for a file, by extension (case-insensitive).
pub fn mime_type(path: &Path) -> &'static str {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(|e| e.to_ascii_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "json" | "map" => "application/json",
        "wasm" => "application/wasm",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "svg" => "image/svg+xml",
        "ico" => "image/x-icon",
        "woff2" => "font/woff2",
        "txt" | "md" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

/// Whether a file gets the strict [`CSP`] header.
pub fn wants_csp(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.to_ascii_lowercase().ends_with(".csp.html"))
}

/// Reads the request head (up to the blank line), bounded by [`MAX_HEAD`].
/// `Ok(None)` when the head is too long.
fn read_head(reader: &mut impl BufRead) -> io::Result<Option<Vec<String>>> {
    let mut lines = Vec::new();
    let mut total = 0;
    loop {
        let mut line = Vec::new();
        let n = reader
            .by_ref()
            .take((MAX_HEAD + 1 - total) as u64)
            .read_until(b'\n', &mut line)?;
        if n == 0 {
            return Err(io::ErrorKind::UnexpectedEof.into());
        }
        total += n;
        if total > MAX_HEAD {
            return Ok(None);
        }
        let text = String::from_utf8_lossy(&line);
        let text = text.trim_end_matches(['\r', '\n']);
        if text.is_empty() {
            if lines.is_empty() {
                continue; // tolerate stray blank lines before the request line (RFC 9112 §2.2)
            }
            return Ok(Some(lines));
        }
        lines.push(text.to_string());
    }
}

fn handle(stream: TcpStream, root: &Path) -> io::Result<()> {
    stream.set_read_timeout(Some(IO_TIMEOUT))?;
    stream.set_write_timeout(Some(IO_TIMEOUT))?;
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut out = stream;
    let Some(head) = read_head(&mut reader)? else {
        respond_error(&mut out, 431, "Request Header Fields Too Large", false)?;
        return linger(&mut reader, &out);
    };
    let mut parts = head[0].split_whitespace();
    let (Some(method), Some(target), Some(version), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        respond_error(&mut out, 400, "Bad Request", false)?;
        return linger(&mut reader, &out);
    };
    if !version.starts_with("HTTP/1.") {
        respond_error(&mut out, 505, "HTTP Version Not Supported", false)?;
        return linger(&mut reader, &out);
    }
    let head_only = match method {
        "GET" => false,
        "HEAD" => true,
        _ => {
            respond_error(&mut out, 405, "Method Not Allowed", false)?;
            return linger(&mut reader, &out);
        }
    };
    match resolve(root, target) {
        Resolved::File(path) => send_file(&mut out, &path, head_only),
        Resolved::Redirect(to) => {
            let head = format!(
                "HTTP/1.1 301 Moved Permanently\r\nLocation: {to}\r\nContent-Length: 0\r\n\
                 Cache-Control: no-store\r\nConnection: close\r\n\r\n"
            );
            out.write_all(head.as_bytes())
        }
        Resolved::BadRequest => respond_error(&mut out, 400, "Bad Request", head_only),
        Resolved::Forbidden => respond_error(&mut out, 403, "Forbidden", head_only),
        Resolved::NotFound => respond_error(&mut out, 404, "Not Found", head_only),
    }
}

/// After answering a request we did not read in full, stop writing and drain what the client
/// still sends for a moment: closing with unread input makes the kernel send a reset, which can
/// destroy the answer before the client reads it.
fn linger(reader: &mut impl Read, out: &TcpStream) -> io::Result<()> {
    out.shutdown(std::net::Shutdown::Write)?;
    out.set_read_timeout(Some(Duration::from_millis(500)))?;
    let _ = io::copy(&mut reader.take(1 << 20), &mut io::sink());
    Ok(())
}

fn send_file(out: &mut TcpStream, path: &Path, head_only: bool) -> io::Result<()> {
    let mut file = match File::open(path) {
        Ok(f) => f,
        Err(_) => return respond_error(out, 404, "Not Found", head_only),
    };
    let len = file.metadata()?.len();
    let mut head = format!(
        "HTTP/1.1 200 OK\r\nContent-Type: {}\r\nContent-Length: {len}\r\nCache-Control: no-store\r\n\
         X-Content-Type-Options: nosniff\r\nConnection: close\r\n",
        mime_type(path)
    );
    if wants_csp(path) {
        head.push_str(&format!("Content-Security-Policy: {CSP}\r\n"));
    }
    head.push_str("\r\n");
    out.write_all(head.as_bytes())?;
    if !head_only {
        io::copy(&mut file, out)?;
    }
    out.flush()
}

fn respond_error(out: &mut TcpStream, code: u16, reason: &str, head_only: bool) -> io::Result<()> {
    let body = format!("{code} {reason}\n");
    let allow = if code == 405 {
        "Allow: GET, HEAD\r\n"
    } else {
        ""
    };
    let head = format!(
        "HTTP/1.1 {code} {reason}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: {}\r\n\
         Cache-Control: no-store\r\n{allow}Connection: close\r\n\r\n",
        body.len()
    );
    out.write_all(head.as_bytes())?;
    if !head_only {
        out.write_all(body.as_bytes())?;
    }
    out.flush()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::net::SocketAddr;

    /// A fresh directory tree under the system temp dir:
    /// index.html, app.js, pkg/m.wasm, sub/ (with index.html), .secret, page.csp.html.
    fn site(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("whosaid-serve-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("pkg")).unwrap();
        std::fs::create_dir_all(dir.join("sub")).unwrap();
        std::fs::write(dir.join("index.html"), "<!doctype html><p>hi</p>").unwrap();
        std::fs::write(dir.join("app.js"), "export const x = 1;").unwrap();
        std::fs::write(dir.join("pkg/m.wasm"), b"\0asm\x01\0\0\0").unwrap();
        std::fs::write(dir.join("sub/index.html"), "sub").unwrap();
        std::fs::write(dir.join(".secret"), "no").unwrap();
        std::fs::write(dir.join("page.csp.html"), "csp").unwrap();
        std::fs::write(dir.join("a b.txt"), "space").unwrap();
        dir.canonicalize().unwrap()
    }

    #[test]
    fn resolves_files_and_index() {
        let root = site("resolve");
        assert_eq!(resolve(&root, "/"), Resolved::File(root.join("index.html")));
        assert_eq!(
            resolve(&root, "/app.js?v=2#x"),
            Resolved::File(root.join("app.js"))
        );
        assert_eq!(
            resolve(&root, "/pkg/m.wasm"),
            Resolved::File(root.join("pkg/m.wasm"))
        );
        assert_eq!(
            resolve(&root, "//pkg//./m.wasm"),
            Resolved::File(root.join("pkg/m.wasm"))
        );
        assert_eq!(
            resolve(&root, "/sub/"),
            Resolved::File(root.join("sub/index.html"))
        );
        assert_eq!(
            resolve(&root, "/a%20b.txt"),
            Resolved::File(root.join("a b.txt"))
        );
        assert_eq!(resolve(&root, "/sub"), Resolved::Redirect("/sub/".into()));
        assert_eq!(resolve(&root, "/sub?q"), Resolved::Redirect("/sub/".into()));
    }

    #[test]
    fn refuses_traversal_and_hidden_files() {
        let root = site("traversal");
        for t in [
            "/../etc/passwd",
            "/pkg/../../x",
            "/%2e%2e/x",
            "/%2E%2E%2Fx",
            "/sub/..",
            "/a\\..\\b",
        ] {
            assert_eq!(resolve(&root, t), Resolved::Forbidden, "{t}");
        }
        assert_eq!(resolve(&root, "/.secret"), Resolved::NotFound);
        assert_eq!(resolve(&root, "/missing.js"), Resolved::NotFound);
        assert_eq!(resolve(&root, "/pkg/m.wasm/x"), Resolved::NotFound);
        for t in ["", "x", "http://evil/", "/%zz", "/%e2%28", "/a%00b", "/%"] {
            assert_eq!(resolve(&root, t), Resolved::BadRequest, "{t:?}");
        }
    }

    #[cfg(unix)]
    #[test]
    fn refuses_symlink_out_of_root() {
        let root = site("symlink");
        let outside = site("symlink-outside");
        std::os::unix::fs::symlink(outside.join("app.js"), root.join("link.js")).unwrap();
        assert_eq!(resolve(&root, "/link.js"), Resolved::Forbidden);
    }

    #[test]
    fn mime_types() {
        let m = |p: &str| mime_type(Path::new(p));
        assert_eq!(m("x/whosaid_bg.wasm"), "application/wasm");
        assert_eq!(m("a.js"), "text/javascript; charset=utf-8");
        assert_eq!(m("a.MJS"), "text/javascript; charset=utf-8");
        assert_eq!(m("index.html"), "text/html; charset=utf-8");
        assert_eq!(m("s.css"), "text/css; charset=utf-8");
        assert_eq!(m("d.json"), "application/json");
        assert_eq!(m("shot.png"), "image/png");
        assert_eq!(m("a.txt"), "text/plain; charset=utf-8");
        assert_eq!(m("Makefile"), "application/octet-stream");
        assert!(wants_csp(Path::new("www/index.csp.html")));
        assert!(!wants_csp(Path::new("www/index.html")));
        assert!(!wants_csp(Path::new("www/csp.html.js")));
    }

    fn start(root: PathBuf) -> SocketAddr {
        let l = TcpListener::bind((Ipv4Addr::LOCALHOST, 0)).unwrap();
        let addr = l.local_addr().unwrap();
        std::thread::spawn(move || serve(l, root));
        addr
    }

    /// Sends raw bytes, returns (status line, headers lower-cased, body).
    fn raw(addr: SocketAddr, req: &[u8]) -> (String, Vec<String>, Vec<u8>) {
        let mut s = TcpStream::connect(addr).unwrap();
        s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
        s.write_all(req).unwrap();
        let mut all = Vec::new();
        s.read_to_end(&mut all).unwrap();
        let split = all
            .windows(4)
            .position(|w| w == b"\r\n\r\n")
            .expect("a complete head");
        let head = String::from_utf8(all[..split].to_vec()).unwrap();
        let mut lines = head.split("\r\n");
        let status = lines.next().unwrap().to_string();
        let headers = lines.map(|l| l.to_ascii_lowercase()).collect();
        (status, headers, all[split + 4..].to_vec())
    }

    #[test]
    fn http_get_head_and_errors() {
        let root = site("http");
        let addr = start(root);
        let (st, h, body) = raw(addr, b"GET /pkg/m.wasm HTTP/1.1\r\nHost: x\r\n\r\n");
        assert_eq!(st, "HTTP/1.1 200 OK");
        assert!(
            h.contains(&"content-type: application/wasm".into()),
            "{h:?}"
        );
        assert!(h.contains(&"content-length: 8".into()));
        assert!(h.contains(&"cache-control: no-store".into()));
        assert!(!h.iter().any(|l| l.starts_with("content-security-policy")));
        assert_eq!(body, b"\0asm\x01\0\0\0");

        let (st, h, body) = raw(addr, b"HEAD / HTTP/1.1\r\n\r\n");
        assert_eq!(st, "HTTP/1.1 200 OK");
        assert!(h.contains(&"content-type: text/html; charset=utf-8".into()));
        assert!(body.is_empty());

        let (_, h, _) = raw(addr, b"GET /page.csp.html HTTP/1.1\r\n\r\n");
        assert!(h.iter().any(
            |l| l.starts_with("content-security-policy: ") && l.contains("'wasm-unsafe-eval'")
        ));

        let (st, _, _) = raw(addr, b"GET /../Cargo.toml HTTP/1.1\r\n\r\n");
        assert_eq!(st, "HTTP/1.1 403 Forbidden");
        let (st, _, _) = raw(addr, b"GET /nope HTTP/1.0\r\n\r\n");
        assert_eq!(st, "HTTP/1.1 404 Not Found");
        let (st, h, _) = raw(addr, b"POST / HTTP/1.1\r\nContent-Length: 0\r\n\r\n");
        assert_eq!(st, "HTTP/1.1 405 Method Not Allowed");
        assert!(h.contains(&"allow: get, head".into()));
        let (st, h, _) = raw(addr, b"GET /sub HTTP/1.1\r\n\r\n");
        assert_eq!(st, "HTTP/1.1 301 Moved Permanently");
        assert!(h.contains(&"location: /sub/".into()));
        let (st, _, _) = raw(addr, b"garbage\r\n\r\n");
        assert_eq!(st, "HTTP/1.1 400 Bad Request");
        let (st, _, _) = raw(addr, b"GET / SPDY/9\r\n\r\n");
        assert_eq!(st, "HTTP/1.1 505 HTTP Version Not Supported");
        let mut huge = b"GET /".to_vec();
        huge.extend(std::iter::repeat_n(b'a', MAX_HEAD + 10));
        huge.extend(b" HTTP/1.1\r\n\r\n");
        let (st, _, _) = raw(addr, &huge);
        assert_eq!(st, "HTTP/1.1 431 Request Header Fields Too Large");

        // A client that hangs up mid-request must not take the server down.
        drop(TcpStream::connect(addr).unwrap());
        let mut half = TcpStream::connect(addr).unwrap();
        half.write_all(b"GET / HT").unwrap();
        drop(half);
        let (st, _, _) = raw(addr, b"GET /app.js HTTP/1.1\r\n\r\n");
        assert_eq!(st, "HTTP/1.1 200 OK");
    }
}
