// Web APIs written in JavaScript on top of the Go side's native object:
// TextEncoder and TextDecoder (UTF-8 only, per the Encoding standard) and
// structuredClone (the HTML standard's StructuredSerialize and
// StructuredDeserialize, done in one pass). It runs once per window,
// after prelude.js.
(function (native) {
  "use strict";
  const global = globalThis;
  const hidden = (o, k, v) => Object.defineProperty(o, k, { value: v, writable: true, enumerable: false, configurable: true });
  const DOMException = global.DOMException;

  // Builds a string from UTF-16 code units in chunks, so that a long
  // text does not pass too many arguments in one call.
  const fromUnits = (units) => {
    let s = "";
    for (let i = 0; i < units.length; i += 8192) s += String.fromCharCode.apply(null, units.slice(i, i + 8192));
    return s;
  };

  // bytesOf returns the Uint8Array view of a BufferSource.
  const bufferByteLength = Object.getOwnPropertyDescriptor(ArrayBuffer.prototype, "byteLength").get;
  const isArrayBuffer = (v) => {
    if (v === null || typeof v !== "object") return false;
    try { bufferByteLength.call(v); return true; } catch { return false; }
  };
  const bytesOf = (v, what) => {
    if (isArrayBuffer(v)) return new Uint8Array(v);
    if (ArrayBuffer.isView(v)) return new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
    throw new TypeError(what + ": The provided value is not of type '(ArrayBuffer or ArrayBufferView)'.");
  };

  // TextEncoder (Encoding §8.2).
  const encodeUTF8 = (s) => {
    const out = [];
    for (let i = 0; i < s.length; i++) {
      let c = s.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
        const d = s.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) {
          c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
          i++;
        }
      }
      if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd; // a lone surrogate
      if (c < 0x80) out.push(c);
      else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
      else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
      else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    }
    return out;
  };
  class TextEncoder {
    get encoding() { return "utf-8"; }
    encode(input = "") { return new Uint8Array(encodeUTF8(String(input))); }
    encodeInto(source, destination) {
      source = String(source);
      if (!(destination instanceof Uint8Array)) throw new TypeError("Failed to execute 'encodeInto' on 'TextEncoder': parameter 2 is not of type 'Uint8Array'.");
      let read = 0, written = 0;
      for (const ch of source) {
        const bytes = encodeUTF8(ch);
        if (written + bytes.length > destination.length) break;
        for (const b of bytes) destination[written++] = b;
        read += ch.length;
      }
      return { read, written };
    }
  }
  Object.defineProperty(TextEncoder.prototype, Symbol.toStringTag, { value: "TextEncoder", configurable: true });
  hidden(global, "TextEncoder", TextEncoder);

  // TextDecoder: the UTF-8 decoder of Encoding §4.2, keeping its state
  // across decode calls with {stream: true}.
  const utf8Labels = ["unicode-1-1-utf-8", "unicode11utf8", "unicode20utf8", "utf-8", "utf8", "x-unicode20utf8"];
  const decState = new WeakMap();
  const dst = (d) => {
    const s = decState.get(d);
    if (!s) throw new TypeError("Illegal invocation");
    return s;
  };
  class TextDecoder {
    constructor(label = "utf-8", options = {}) {
      const l = String(label).replace(/^[\t\n\f\r ]+|[\t\n\f\r ]+$/g, "").toLowerCase();
      if (!utf8Labels.includes(l)) throw new RangeError("Failed to construct 'TextDecoder': The encoding label provided ('" + label + "') is invalid or not supported.");
      const o = options === undefined || options === null ? {} : options;
      decState.set(this, { fatal: !!o.fatal, ignoreBOM: !!o.ignoreBOM, pending: [], bomSeen: false });
    }
    get encoding() { dst(this); return "utf-8"; }
    get fatal() { return dst(this).fatal; }
    get ignoreBOM() { return dst(this).ignoreBOM; }
    decode(input, options) {
      const s = dst(this);
      const stream = !!(options && options.stream);
      const bytes = s.pending.slice();
      if (input !== undefined) for (const b of bytesOf(input, "Failed to execute 'decode' on 'TextDecoder'")) bytes.push(b);
      const units = [];
      let cp = 0, needed = 0, seen = 0, lower = 0x80, upper = 0xbf, start = 0;
      const fail = () => {
        if (s.fatal) {
          s.pending = []; s.bomSeen = false;
          throw new TypeError("Failed to execute 'decode' on 'TextDecoder': The encoded data was not valid for encoding utf-8");
        }
        units.push(0xfffd);
      };
      const emit = (c) => {
        if (c === 0xfeff && !s.ignoreBOM && !s.bomSeen && units.length === 0) { s.bomSeen = true; return; }
        s.bomSeen = true;
        if (c < 0x10000) units.push(c);
        else { c -= 0x10000; units.push(0xd800 + (c >> 10), 0xdc00 + (c & 0x3ff)); }
      };
      let i = 0;
      while (i < bytes.length) {
        const b = bytes[i];
        if (needed === 0) {
          start = i;
          if (b < 0x80) emit(b);
          else if (b >= 0xc2 && b <= 0xdf) { needed = 1; cp = b & 0x1f; }
          else if (b >= 0xe0 && b <= 0xef) {
            if (b === 0xe0) lower = 0xa0;
            if (b === 0xed) upper = 0x9f;
            needed = 2; cp = b & 0xf;
          } else if (b >= 0xf0 && b <= 0xf4) {
            if (b === 0xf0) lower = 0x90;
            if (b === 0xf4) upper = 0x8f;
            needed = 3; cp = b & 0x7;
          } else fail();
          i++;
          continue;
        }
        if (b < lower || b > upper) {
          // The byte is not a continuation here: it starts over.
          cp = needed = seen = 0; lower = 0x80; upper = 0xbf;
          fail();
          continue;
        }
        lower = 0x80; upper = 0xbf;
        cp = (cp << 6) | (b & 0x3f);
        seen++;
        i++;
        if (seen === needed) {
          emit(cp);
          cp = needed = seen = 0;
        }
      }
      if (needed !== 0) {
        if (stream) s.pending = bytes.slice(start);
        else { s.pending = []; fail(); }
      } else s.pending = [];
      if (!stream) s.bomSeen = false;
      if (!stream) s.pending = [];
      return fromUnits(units);
    }
  }
  Object.defineProperty(TextDecoder.prototype, Symbol.toStringTag, { value: "TextDecoder", configurable: true });
  hidden(global, "TextDecoder", TextDecoder);

  // structuredClone (HTML §2.7). native.kind tells the objects' internal
  // slots apart; the built-ins are taken now, before a page can replace
  // them.
  const getTime = Date.prototype.getTime;
  const regSource = Object.getOwnPropertyDescriptor(RegExp.prototype, "source").get;
  const regFlags = Object.getOwnPropertyDescriptor(RegExp.prototype, "flags").get;
  const mapEntries = Map.prototype.entries, setValues = Set.prototype.values;
  const bufferSlice = ArrayBuffer.prototype.slice;
  const viewBuffer = (v) => (typedTag.call(v) === undefined ? dataViewBuffer.call(v) : typedBuffer.call(v));
  const dataViewBuffer = Object.getOwnPropertyDescriptor(DataView.prototype, "buffer").get;
  const typedBuffer = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(Uint8Array.prototype), "buffer").get;
  const typedTag = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(Uint8Array.prototype), Symbol.toStringTag).get;
  const boolValueOf = Boolean.prototype.valueOf, numValueOf = Number.prototype.valueOf;
  const strValueOf = String.prototype.valueOf, bigValueOf = typeof BigInt === "function" ? BigInt.prototype.valueOf : null;
  const errorNames = ["Error", "EvalError", "RangeError", "ReferenceError", "SyntaxError", "TypeError", "URIError"];
  // The view constructors, taken before a page can replace the globals.
  const views = {};
  for (const name of ["Int8Array", "Uint8Array", "Uint8ClampedArray", "Int16Array", "Uint16Array", "Int32Array", "Uint32Array",
    "Float16Array", "Float32Array", "Float64Array", "BigInt64Array", "BigUint64Array", "DataView"]) {
    if (typeof global[name] === "function") views[name] = global[name];
  }
  const cloneError = (what) => new DOMException(what + " could not be cloned.", "DataCloneError");

  const clone = (v, memory) => {
    if (typeof v === "symbol") throw cloneError("Symbol()");
    if (v === null || (typeof v !== "object" && typeof v !== "function")) return v;
    if (memory.has(v)) return memory.get(v);
    const kind = native.kind(v);
    if (typeof v === "function" || kind === "function") throw cloneError(String(v).slice(0, 40));
    if (kind === "host" || kind === "proxy") throw cloneError(Object.prototype.toString.call(v));
    let out;
    switch (kind) {
      case "date": out = new Date(getTime.call(v)); break;
      case "regexp": out = new RegExp(regSource.call(v), regFlags.call(v)); break;
      case "boolean": out = Object(boolValueOf.call(v)); break;
      case "number": out = Object(numValueOf.call(v)); break;
      case "string": out = Object(strValueOf.call(v)); break;
      case "bigint": out = Object(bigValueOf.call(v)); break;
      case "arraybuffer": out = bufferSlice.call(v, 0); break;
      case "view": {
        const buf = clone(viewBuffer(v), memory);
        const tag = typedTag.call(v);
        out = tag === undefined ? new views.DataView(buf, v.byteOffset, v.byteLength) : new views[tag](buf, v.byteOffset, v.length);
        break;
      }
      case "map": {
        out = new Map();
        memory.set(v, out);
        const entries = [...mapEntries.call(v)];
        for (const [k, val] of entries) out.set(clone(k, memory), clone(val, memory));
        return out;
      }
      case "set": {
        out = new Set();
        memory.set(v, out);
        const items = [...setValues.call(v)];
        for (const item of items) out.add(clone(item, memory));
        return out;
      }
      case "error": {
        let name = v.name;
        if (!errorNames.includes(name)) name = "Error";
        out = new global[name]();
        memory.set(v, out);
        if (Object.getOwnPropertyDescriptor(v, "message")) out.message = String(v.message);
        else delete out.message;
        return out;
      }
      case "array":
        out = new Array(v.length);
        memory.set(v, out);
        for (const k of Object.keys(v)) out[k] = clone(v[k], memory);
        return out;
      default:
        out = {};
        memory.set(v, out);
        for (const k of Object.keys(v)) out[k] = clone(v[k], memory);
        return out;
    }
    memory.set(v, out);
    return out;
  };
  hidden(global, "structuredClone", function structuredClone(value, options) {
    if (arguments.length === 0) throw new TypeError("Failed to execute 'structuredClone' on 'Window': 1 argument required, but only 0 present.");
    if (options !== undefined && options !== null && options.transfer !== undefined) {
      const list = [...options.transfer];
      if (list.length > 0) throw new DOMException("Transferring objects is not supported.", "DataCloneError");
    }
    return clone(value, new Map());
  });
  return { structuredClone: (v) => clone(v, new Map()) };
});
