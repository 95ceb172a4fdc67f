// judge harness for JavaScript and TypeScript on Node.js.
//
// Reads one JSON line from stdin (see harness/protocol.go), loads the user's
// code from solution.js (for TypeScript, tsc's output beside its source map),
// calls the top-level function the input names once per test and writes one
// record per event to fd 1 with fs.writeSync. The user's console.log and
// process.stdout.write land in a per-test buffer instead (process.stdout is
// replaced before any user code runs), so nothing the code prints can be
// taken for a record. Each record starts on a line of its own even if the
// code wrote a partial line straight to fd 1.
//
// Types follow LeetCode's JavaScript: int, long and double are numbers,
// ListNode and TreeNode are LeetCode's constructors (globals the code can use),
// T[] is an Array. A long that a number cannot hold exactly (beyond 2^53 - 1)
// arrives as a BigInt rather than a rounded number, and a long may be
// returned as a number or a BigInt; either way every value reaches the daemon
// exactly.
"use strict";

const fs = require("fs");
const vm = require("vm");
const util = require("util");
const { Writable } = require("stream");
const { SourceMap } = require("module");

// SOURCE is the file the user's code is loaded from; MAP is tsc's source map
// of it, present for TypeScript.
const SOURCE = "solution.js";
const MAP = "solution.js.map";
// MAX_NODES bounds a returned list or tree, so that a cycle ends in an error.
const MAX_NODES = 1 << 20;
// MAX_MESSAGE bounds an error's message, keeping its start.
const MAX_MESSAGE = 4000;

const hrtime = process.hrtime.bigint;
const sleeper = new Int32Array(new SharedArrayBuffer(4));

function main() {
  const line = readLine(0);
  let inp = JSON.parse(line);
  if (inp.params.some((t) => t.startsWith("long"))) {
    // Parse again with the integers a number cannot hold quoted, so that
    // they become BigInts instead of rounded numbers.
    inp = JSON.parse(quoteUnsafeIntegers(line));
  }
  const marker = "@@judge:" + inp.nonce + " ";
  const emit = (json) => writeAll(1, "\n" + marker + json + "\n");
  const limit = inp.output_limit > 0 ? inp.output_limit : 65536;
  const fn = inp.function;

  emit('{"k":"start"}');
  if (!/^[A-Za-z_$][\w$]*$/.test(fn)) {
    throw new Error("function name " + JSON.stringify(fn) + " is not an identifier");
  }
  const src = fs.readFileSync(SOURCE, "utf8");
  let script;
  try {
    script = new vm.Script(src, { filename: SOURCE });
  } catch (e) {
    emit(JSON.stringify({ k: "compile", err: syntaxMessage(e) }));
    return;
  }

  const capture = new Capture(limit);
  Object.defineProperty(process, "stdout", {
    configurable: true,
    enumerable: true,
    get: () => capture.stream,
  });
  // Node sets console up on its first use: do that now, so that the first
  // test is not charged for it.
  console.log();
  capture.take();
  globalThis.ListNode = ListNode;
  globalThis.TreeNode = TreeNode;
  let func;
  try {
    script.runInThisContext();
    // A script's top-level const, let and class live in the global lexical
    // scope, not on globalThis: only code run in the context sees them.
    func = vm.runInThisContext(`typeof ${fn} === "function" ? ${fn} : undefined`);
  } catch (e) {
    emit(JSON.stringify({ k: "error", i: 0, err: userTrace(e), out: capture.take() }));
    return;
  }
  if (func === undefined) {
    emit(JSON.stringify({
      k: "compile",
      err: `function ${fn} not found: declare it at the top level, as in var ${fn} = function(...) { ... };`,
    }));
    return;
  }

  const convert = inp.params.map(converter);
  const serialize = serializer(inp.returns);
  emit('{"k":"ready"}');
  inp.tests.forEach((raw, i) => {
    const args = raw.map((a, j) => convert[j](a));
    let result, micros;
    try {
      const start = hrtime();
      result = func(...args);
      micros = Number((hrtime() - start) / 1000n);
    } catch (e) {
      emit(JSON.stringify({ k: "error", i, err: userTrace(e), out: capture.take() }));
      return;
    }
    let value;
    try {
      // Serializing can run user code too (a getter, say), so anything it
      // throws is the test's error, not the harness's.
      value = serialize(result);
    } catch (e) {
      const where = typeof e?.path === "string" ? " at " + e.path : "";
      const why = e instanceof Error ? e.message : String(e);
      emit(JSON.stringify({
        k: "error", i,
        err: `cannot return ${describe(result)} as ${inp.returns}${where}: ${why}`,
        out: capture.take(),
      }));
      return;
    }
    emit(`{"k":"result","i":${i},"us":${micros},"out":${JSON.stringify(capture.take())},"v":${value}}`);
  });
  emit(`{"k":"done","rss":${process.resourceUsage().maxRSS}}`);
}

// ListNode is LeetCode's singly linked list node for JavaScript.
function ListNode(val, next) {
  this.val = (val === undefined ? 0 : val);
  this.next = (next === undefined ? null : next);
}

// TreeNode is LeetCode's binary tree node for JavaScript.
function TreeNode(val, left, right) {
  this.val = (val === undefined ? 0 : val);
  this.left = (left === undefined ? null : left);
  this.right = (right === undefined ? null : right);
}

// MAX_OUTPUT is how much the code may write to stdout in all: the sandbox's
// file size limit, which bounds the capture file of the other harnesses.
const MAX_OUTPUT = 16 << 20;

// exitNow ends the process at once, before the user's code can replace it.
const exitNow = process.reallyExit.bind(process);

// Capture collects what the user's code writes to process.stdout during a
// test, up to limit bytes (and counts the rest).
class Capture {
  constructor(limit) {
    this.limit = limit;
    this.chunks = [];
    this.kept = 0;
    this.size = 0;
    this.total = 0;
    const stream = new Writable({
      write: (chunk, encoding, done) => {
        this.add(chunk, encoding);
        done();
      },
    });
    // Synchronous, so that output is in the buffer the moment it is written
    // and belongs to the test that wrote it.
    stream.write = (chunk, encoding, done) => {
      if (typeof encoding === "function") {
        [done, encoding] = [encoding, undefined];
      }
      this.add(chunk, encoding);
      if (typeof done === "function") {
        process.nextTick(done);
      }
      return true;
    };
    stream.isTTY = false;
    this.stream = stream;
  }

  add(chunk, encoding) {
    let buf;
    if (typeof chunk === "string") {
      buf = Buffer.from(chunk, Buffer.isEncoding(encoding) ? encoding : "utf8");
    } else if (ArrayBuffer.isView(chunk)) {
      buf = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    } else {
      throw new TypeError("process.stdout.write: the chunk must be a string, Buffer or Uint8Array");
    }
    this.size += buf.length;
    this.total += buf.length;
    if (this.total > MAX_OUTPUT) {
      // As a capture file would at the sandbox's file size limit: the run
      // ends, and the daemon says Output Limit Exceeded.
      // Node ignores SIGXFSZ, so the exit status says it instead.
      fs.writeSync(2, "File too large: the program wrote more than " + MAX_OUTPUT + " bytes to stdout\n");
      exitNow(128 + 25);
    }
    const room = this.limit + 1 - this.kept;
    if (room > 0) {
      const part = Buffer.from(buf.subarray(0, room)); // a copy: the caller may reuse buf
      this.chunks.push(part);
      this.kept += part.length;
    }
  }

  // take returns and clears what was written since the last call, cut to the
  // limit.
  take() {
    const all = Buffer.concat(this.chunks);
    let text = all.subarray(0, this.limit).toString("utf8");
    if (this.size > this.limit) {
      text += "\n[output truncated]";
    }
    this.chunks = [];
    this.kept = 0;
    this.size = 0;
    return text;
  }
}

// converter returns the function that turns a JSON argument of type t into
// the value the user's function receives.
function converter(t) {
  if (t.endsWith("[]")) {
    const elem = converter(t.slice(0, -2));
    return elem === same ? same : (v) => v.map(elem);
  }
  switch (t) {
    case "int":
    case "bool":
    case "string":
      return same;
    case "long":
      return (v) => (typeof v === "string" ? BigInt(v) : v);
    case "double":
      return (v) => (typeof v === "string" ? Number(v) : v);
    case "ListNode":
      return buildList;
    case "TreeNode":
      return buildTree;
  }
  throw new Error("unknown type " + t);
}

function same(v) {
  return v;
}

function buildList(values) {
  let head = null;
  for (let i = values.length - 1; i >= 0; i--) {
    head = new ListNode(values[i], head);
  }
  return head;
}

// buildTree builds a tree from its level order, null for a missing child.
function buildTree(values) {
  if (values.length === 0) {
    return null;
  }
  const root = new TreeNode(values[0]);
  const queue = [root];
  let i = 1;
  for (let q = 0; q < queue.length && i < values.length; q++) {
    const node = queue[q];
    if (values[i] !== null) {
      node.left = new TreeNode(values[i]);
      queue.push(node.left);
    }
    i++;
    if (i < values.length && values[i] !== null) {
      node.right = new TreeNode(values[i]);
      queue.push(node.right);
    }
    i++;
  }
  return root;
}

// serializer returns the function that writes a returned value of type t as
// JSON text, or throws a TypeError (with path set inside arrays) if the value
// is not of type t.
function serializer(t) {
  if (t.endsWith("[]")) {
    const elem = serializer(t.slice(0, -2));
    return (v) => {
      if (!Array.isArray(v) && !(ArrayBuffer.isView(v) && !(v instanceof DataView))) {
        throw new TypeError("not an array but " + describe(v));
      }
      const parts = new Array(v.length);
      for (let i = 0; i < v.length; i++) {
        try {
          parts[i] = elem(v[i]);
        } catch (e) {
          throw withPath(e, `[${i}]`);
        }
      }
      return "[" + parts.join(",") + "]";
    };
  }
  switch (t) {
    case "int":
    case "long":
      return integer;
    case "double":
      return (v) => {
        const n = typeof v === "bigint" ? Number(v) : v;
        if (typeof n !== "number") {
          throw new TypeError("not a number but " + describe(v));
        }
        if (!Number.isFinite(n)) {
          throw new TypeError(`${n} is not a finite double`);
        }
        return String(n); // the shortest form that reads back the same
      };
    case "bool":
      return (v) => {
        if (typeof v !== "boolean") {
          throw new TypeError("not a boolean but " + describe(v));
        }
        return v ? "true" : "false";
      };
    case "string":
      return (v) => {
        if (typeof v !== "string") {
          throw new TypeError("not a string but " + describe(v));
        }
        return JSON.stringify(v);
      };
    case "ListNode":
      return serializeList;
    case "TreeNode":
      return serializeTree;
  }
  throw new Error("unknown type " + t);
}

// withPath notes where in the returned value e arose: path is put in front
// of the path e already has. A thrown non-object becomes a TypeError.
function withPath(e, path) {
  if (typeof e !== "object" || e === null) {
    e = new TypeError(String(e));
  }
  const inner = typeof e.path === "string" ? e.path : "";
  e.path = path + (inner === "" || inner.startsWith("[") ? inner : " " + inner);
  return e;
}

// integer writes an int or long: an integral number or a BigInt, exactly.
function integer(v) {
  if (typeof v === "bigint") {
    return v.toString();
  }
  if (typeof v !== "number") {
    throw new TypeError("not an integer but " + describe(v));
  }
  if (!Number.isInteger(v)) {
    throw new TypeError(`${v} is not an integer`);
  }
  // Beyond 2^53 String gives an exponent form; the BigInt of the same
  // number is its exact decimal value.
  return Number.isSafeInteger(v) ? String(v) : BigInt(v).toString();
}

// isNode reports whether v is a node (of LeetCode's classes or the user's
// own): an object; its fields are checked as they are read.
function isNode(v) {
  return typeof v === "object" && v !== null;
}

function serializeList(head) {
  const out = [];
  for (let node = head; node !== null && node !== undefined; node = node.next) {
    if (!isNode(node)) {
      throw new TypeError("not a ListNode but " + describe(node));
    }
    if (out.length >= MAX_NODES) {
      throw new RangeError(`the list has a cycle or more than ${MAX_NODES} nodes`);
    }
    try {
      out.push(integer(node.val));
    } catch (e) {
      throw withPath(e, `node ${out.length}`);
    }
  }
  return "[" + out.join(",") + "]";
}

// serializeTree writes a tree in level order, null for a missing child,
// without trailing nulls.
function serializeTree(root) {
  const out = [];
  const queue = [root];
  for (let q = 0; q < queue.length; q++) {
    const node = queue[q];
    if (node === null || node === undefined) {
      out.push("null");
      continue;
    }
    if (!isNode(node)) {
      throw new TypeError("not a TreeNode but " + describe(node));
    }
    if (out.length >= MAX_NODES) {
      throw new RangeError(`the tree has a cycle or more than ${MAX_NODES} nodes`);
    }
    try {
      out.push(integer(node.val));
    } catch (e) {
      throw withPath(e, `level-order entry ${out.length}`);
    }
    queue.push(node.left, node.right);
  }
  while (out.length > 0 && out[out.length - 1] === "null") {
    out.pop();
  }
  return "[" + out.join(",") + "]";
}

// describe names a value's type for messages.
function describe(v) {
  if (v === null) {
    return "null";
  }
  if (Array.isArray(v)) {
    return "an array";
  }
  switch (typeof v) {
    case "undefined":
      return "undefined";
    case "number":
    case "bigint":
      return "the number " + String(v);
    case "boolean":
      return "the boolean " + v;
    case "string":
      return "a string";
    case "function":
      return "a function";
    case "object": {
      const name = Object.getPrototypeOf(v)?.constructor?.name;
      return name ? "a " + name : "an object";
    }
  }
  return "a " + typeof v;
}

// quoteUnsafeIntegers puts quotes around the integers of a JSON text that a
// number cannot hold exactly, leaving strings alone.
function quoteUnsafeIntegers(text) {
  return text.replace(/"[^"\\]*(?:\\.[^"\\]*)*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/g, (tok) =>
    tok[0] === '"' || /[.eE]/.test(tok) || Number.isSafeInteger(Number(tok)) ? tok : `"${tok}"`,
  );
}

// syntaxMessage is a SyntaxError's message with the source line and caret
// Node puts in front, without the harness's frames.
function syntaxMessage(e) {
  const stack = String(e && e.stack ? e.stack : e);
  const frames = stack.search(/\n\s+at /);
  return clip((frames < 0 ? stack : stack.slice(0, frames)).trim());
}

// userTrace is an error's message and its stack from the frame that raised
// it down to the user's outermost frame, leaving out the harness's frames.
// For TypeScript, positions are mapped back to solution.ts.
function userTrace(e) {
  if (!(e instanceof Error) || typeof e.stack !== "string") {
    return clip("Uncaught " + util.inspect(e));
  }
  const lines = e.stack.split("\n");
  const first = lines.findIndex((l) => /^\s+at /.test(l));
  let keep = lines;
  if (first >= 0) {
    let last = first - 1;
    for (let i = lines.length - 1; i >= first; i--) {
      if (lines[i].includes(SOURCE + ":")) {
        last = i;
        break;
      }
    }
    keep = squeeze(lines.slice(0, last + 1));
  }
  return clip(mapPositions(keep.join("\n")));
}

// squeeze writes a run of equal stack lines (a recursion) as one line and a
// count, as Python does.
function squeeze(lines) {
  const out = [];
  for (let i = 0; i < lines.length; ) {
    let j = i + 1;
    while (j < lines.length && lines[j] === lines[i]) {
      j++;
    }
    out.push(lines[i]);
    if (j - i > 2) {
      out.push(`    [Previous line repeated ${j - i - 1} more times]`);
    } else if (j - i === 2) {
      out.push(lines[i]);
    }
    i = j;
  }
  return out;
}

let sourceMap; // undefined: not read yet; null: none

// mapPositions rewrites solution.js:LINE:COLUMN to the position in the
// original source when tsc left a source map.
function mapPositions(text) {
  if (sourceMap === undefined) {
    try {
      sourceMap = new SourceMap(JSON.parse(fs.readFileSync(MAP, "utf8")));
    } catch {
      sourceMap = null;
    }
  }
  if (sourceMap === null) {
    return text;
  }
  return text.replace(/solution\.js:(\d+):(\d+)/g, (whole, line, col) => {
    const entry = sourceMap.findEntry(Number(line) - 1, Number(col) - 1);
    if (!entry || entry.originalSource === undefined) {
      return whole;
    }
    const file = entry.originalSource.replace(/^.*\//, "");
    return `${file}:${entry.originalLine + 1}:${entry.originalColumn + 1}`;
  });
}

function clip(s) {
  return s.length <= MAX_MESSAGE ? s : s.slice(0, MAX_MESSAGE) + "\n...";
}

// readLine reads fd up to the first newline (or its end) and returns the line.
function readLine(fd) {
  const chunks = [];
  const buf = Buffer.alloc(1 << 16);
  for (;;) {
    let n;
    try {
      n = fs.readSync(fd, buf, 0, buf.length, null);
    } catch (e) {
      if (e.code === "EAGAIN") {
        Atomics.wait(sleeper, 0, 0, 1);
        continue;
      }
      throw e;
    }
    if (n === 0) {
      break;
    }
    const nl = buf.subarray(0, n).indexOf(10);
    chunks.push(Buffer.from(buf.subarray(0, nl < 0 ? n : nl)));
    if (nl >= 0) {
      break;
    }
  }
  return Buffer.concat(chunks).toString("utf8");
}

// writeAll writes s to fd, waiting out a full non-blocking pipe.
function writeAll(fd, s) {
  const buf = Buffer.from(s, "utf8");
  let off = 0;
  while (off < buf.length) {
    try {
      off += fs.writeSync(fd, buf, off, buf.length - off);
    } catch (e) {
      if (e.code !== "EAGAIN") {
        throw e;
      }
      Atomics.wait(sleeper, 0, 0, 1);
    }
  }
}

main();
// Timers or handles the user's code left behind must not keep the process,
// and with it the sandbox, alive once the records are out.
process.exit(0);
