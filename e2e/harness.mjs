// Helpers for the browser end-to-end tests (node --test): serve www/ with our own
// `whosaid serve`, drive Debian's Chromium with playwright-core, save screenshots.
//
// Why playwright-core and a system browser: tools that download their own browser cannot run
// here, so we point playwright-core at /usr/bin/chromium (override with CHROMIUM=...).

import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** The test data (articles/*.txt, pages/*.html) is part of the repository: tests/data.
 * WHOSAID_DATA=/path/to/data points the tests at another copy with the same layout. */
export const dataDir = process.env.WHOSAID_DATA || path.join(repoRoot, 'tests', 'data');
export const screenshotDir = path.join(repoRoot, 'target', 'screenshots');

const targetDir = process.env.CARGO_TARGET_DIR
  ? path.resolve(repoRoot, process.env.CARGO_TARGET_DIR)
  : path.join(repoRoot, 'target');

/** Flags Chromium needs on this kind of machine: root (no sandbox), no GPU, and no
 * background network traffic (the closed network refuses it, noisily and slowly). */
export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-quic',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Starts the release `whosaid serve` on a free port (--port 0: the server picks one and prints
 * its URL) and waits until it answers. Returns { url, stop }; `url` ends with '/'.
 * The binary is $WHOSAID_BIN or <target>/release/whosaid (`cargo build --release` first).
 */
export async function startServer({ dir = path.join(repoRoot, 'www'), timeoutMs = 15000 } = {}) {
  const bin = process.env.WHOSAID_BIN ?? path.join(targetDir, 'release', 'whosaid');
  if (!existsSync(bin)) {
    throw new Error(`${bin} not found: run \`cargo build --release --bin whosaid\` first`);
  }
  const child = spawn(bin, ['serve', '--port', '0', '--dir', dir], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stderr.setEncoding('utf8').on('data', (d) => { log += d; });
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));

  const url = await new Promise((resolve, reject) => {
    let out = '';
    let settled = false;
    const timer = setTimeout(() => fail(new Error(`whosaid serve printed no URL in ${timeoutMs} ms`)), timeoutMs);
    function fail(err) {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`${err.message}\nstdout: ${out}\nstderr: ${log}`));
    }
    child.once('error', fail);
    exited.then(({ code, signal }) => fail(new Error(`whosaid serve exited (code ${code}, signal ${signal})`)));
    child.stdout.setEncoding('utf8').on('data', (d) => {
      out += d;
      const m = out.match(/(http:\/\/127\.0\.0\.1:\d+\/)/);
      if (m && !settled) {
        settled = true;
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
  });

  // Listening was printed after bind, but check it really answers before handing it out.
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const res = await fetch(url, { method: 'HEAD' });
      if (res.status < 500) break;
    } catch (err) {
      if (Date.now() > deadline) {
        child.kill('SIGKILL');
        throw new Error(`whosaid serve at ${url} does not answer: ${err.message}\nstderr: ${log}`);
      }
    }
    await new Promise((r) => setTimeout(r, 100));
  }

  let stopped = false;
  async function stop() {
    if (stopped) return;
    stopped = true;
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  }
  return { url, stop, log: () => log };
}

/**
 * Launches headless Chromium (/usr/bin/chromium) with a fresh, throw-away profile.
 * Returns { context, newPage, close }. Playwright's plain `launch` refuses a --user-data-dir
 * argument and keeps its own; launchPersistentContext is how we give it our mkdtemp directory.
 */
export async function launchBrowser({ viewport = { width: 1280, height: 900 } } = {}) {
  const userDataDir = await mkdtemp(path.join(os.tmpdir(), 'whosaid-chromium-'));
  let context;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
      headless: true,
      args: chromiumArgs,
      viewport,
      timeout: 60000,
    });
  } catch (err) {
    await rm(userDataDir, { recursive: true, force: true });
    throw err;
  }
  let closed = false;
  async function close() {
    if (closed) return;
    closed = true;
    try {
      await context.close();
    } finally {
      await rm(userDataDir, { recursive: true, force: true });
    }
  }
  return { context, newPage: () => context.newPage(), close };
}

/**
 * Records uncaught page errors (exceptions, failed module loads) so a test can assert there
 * were none. Console messages are kept too, for failure messages.
 */
export function watchPage(page) {
  const errors = [];
  const console = [];
  page.on('pageerror', (err) => errors.push(String(err?.stack ?? err)));
  page.on('console', (msg) => console.push(`${msg.type()}: ${msg.text()}`));
  return { errors, console };
}

/** Saves a full-page PNG as target/screenshots/<name> and returns its path. */
export async function screenshot(page, name) {
  await mkdir(screenshotDir, { recursive: true });
  const file = path.join(screenshotDir, name.endsWith('.png') ? name : `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Collapses every run of whitespace to one space and trims. */
export function normalizeSpace(s) {
  return s.replace(/\s+/gu, ' ').trim();
}

/** The paragraphs of a plain-text article: blocks separated by blank lines, whitespace-normalised. */
export function paragraphs(text) {
  return text.split(/\r?\n[ \t]*\r?\n/u).map(normalizeSpace).filter((p) => p.length > 0);
}
