// Prelude for running a jsbench script on node: node -e <this> -- dir name
// loadable < source. It defines print, load and __jsbench_now as the other
// engines do, then runs the source from standard input in the global scope.
'use strict';
const fs = require('fs');
const path = require('path');
const vm = require('vm');

const [dir, name, loadableJSON] = process.argv.slice(1);
const loadable = loadableJSON ? new Set(JSON.parse(loadableJSON)) : null;
const now = performance.now.bind(performance);
const write = process.stdout.write.bind(process.stdout);

globalThis.print = function print(...args) {
  write(args.map(String).join(' ') + '\n');
};

globalThis.load = function load(file) {
  file = String(file);
  if (loadable !== null && !loadable.has(file)) {
    return;
  }
  const p = path.resolve(dir, file);
  vm.runInThisContext(fs.readFileSync(p, 'utf8'), { filename: p });
};

// Report the peak resident set of this process image. VmHWM rather than
// getrusage, whose maxrss carries over the parent's peak through fork and
// exec.
process.on('exit', () => {
  try {
    for (const line of fs.readFileSync('/proc/self/status', 'utf8').split('\n')) {
      if (line.startsWith('VmHWM:')) {
        process.stderr.write('jsbench-rss-kb: ' + line.slice(6).trim().split(' ')[0] + '\n');
      }
    }
  } catch (_) {
    // No /proc: no figure.
  }
});

globalThis.__jsbench_now = function __jsbench_now() {
  return now();
};

try {
  vm.runInThisContext(fs.readFileSync(0, 'utf8'), { filename: name });
} catch (e) {
  let msg;
  try {
    msg = String(e);
  } catch (_) {
    msg = 'uncaught exception';
  }
  process.stderr.write('jsbench-error: ' + msg.split('\n')[0] + '\n');
  process.exitCode = 1;
}
