package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"mime"
	"net"
	"net/http"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"glassbox/engine/bindings"
	"glassbox/engine/page"
	"glassbox/js"
	"glassbox/network"
)

// discover lists the test pages under the given paths (files or
// folders, relative to root; all of root when none): .html files that
// load testharness.js, as slash paths relative to root.
func discover(root string, paths []string) ([]string, error) {
	if len(paths) == 0 {
		paths = []string{"."}
	}
	seen := map[string]bool{}
	var out []string
	for _, p := range paths {
		p = strings.TrimPrefix(filepath.ToSlash(p), "/")
		start := filepath.Join(root, filepath.FromSlash(p))
		if _, err := os.Stat(start); err != nil {
			return nil, err
		}
		err := filepath.WalkDir(start, func(fp string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() || !strings.HasSuffix(fp, ".html") {
				return nil
			}
			rel, err := filepath.Rel(root, fp)
			if err != nil {
				return err
			}
			rel = filepath.ToSlash(rel)
			if seen[rel] || strings.HasPrefix(rel, "resources/") {
				return nil
			}
			b, err := os.ReadFile(fp)
			if err != nil {
				return err
			}
			if !strings.Contains(string(b), "testharness.js") {
				return nil
			}
			seen[rel] = true
			out = append(out, rel)
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	sort.Strings(out)
	return out, nil
}

type server struct {
	URL string
	srv *http.Server
}

func (s *server) Close() { s.srv.Close() }

// serve serves root on a loopback port, appending the result hook to
// testharness.js.
func serve(root string) (*server, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	mime.AddExtensionType(".js", "text/javascript")
	files := http.FileServer(http.Dir(root))
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if path.Clean(r.URL.Path) == "/resources/testharness.js" {
			b, err := os.ReadFile(filepath.Join(root, "resources", "testharness.js"))
			if err != nil {
				http.Error(w, err.Error(), http.StatusNotFound)
				return
			}
			w.Header().Set("Content-Type", "text/javascript")
			w.Write(b)
			w.Write([]byte(harnessHook))
			return
		}
		files.ServeHTTP(w, r)
	})
	s := &server{URL: "http://" + l.Addr().String(), srv: &http.Server{Handler: h}}
	go s.srv.Serve(l)
	return s, nil
}

// harnessHook is appended to testharness.js: the legacy API shim that
// SOURCE.md gives (assert_throws and promise_rejects compare exceptions by
// name) and the completion callback that reports to the runner.
const harnessHook = `
;(function () {
  var OLD = {INDEX_SIZE_ERR:"IndexSizeError", HIERARCHY_REQUEST_ERR:"HierarchyRequestError",
    WRONG_DOCUMENT_ERR:"WrongDocumentError", INVALID_CHARACTER_ERR:"InvalidCharacterError",
    NO_MODIFICATION_ALLOWED_ERR:"NoModificationAllowedError", NOT_FOUND_ERR:"NotFoundError",
    NOT_SUPPORTED_ERR:"NotSupportedError", INUSE_ATTRIBUTE_ERR:"InUseAttributeError",
    INVALID_STATE_ERR:"InvalidStateError", SYNTAX_ERR:"SyntaxError",
    INVALID_MODIFICATION_ERR:"InvalidModificationError", NAMESPACE_ERR:"NamespaceError",
    INVALID_ACCESS_ERR:"InvalidAccessError", TYPE_MISMATCH_ERR:"TypeMismatchError",
    SECURITY_ERR:"SecurityError", NETWORK_ERR:"NetworkError", ABORT_ERR:"AbortError",
    URL_MISMATCH_ERR:"URLMismatchError", QUOTA_EXCEEDED_ERR:"QuotaExceededError",
    TIMEOUT_ERR:"TimeoutError", INVALID_NODE_TYPE_ERR:"InvalidNodeTypeError",
    DATA_CLONE_ERR:"DataCloneError"};
  var CODES = {IndexSizeError:1, HierarchyRequestError:3, WrongDocumentError:4, InvalidCharacterError:5,
    NoModificationAllowedError:7, NotFoundError:8, NotSupportedError:9, InUseAttributeError:10,
    InvalidStateError:11, SyntaxError:12, InvalidModificationError:13, NamespaceError:14,
    InvalidAccessError:15, TypeMismatchError:17, SecurityError:18, NetworkError:19, AbortError:20,
    URLMismatchError:21, QuotaExceededError:22, TimeoutError:23, InvalidNodeTypeError:24,
    DataCloneError:25, EncodingError:0, NotReadableError:0, UnknownError:0, ConstraintError:0,
    DataError:0, TransactionInactiveError:0, ReadOnlyError:0, VersionError:0, OperationError:0,
    NotAllowedError:0};
  function check(code, e, description) {
    var pre = description ? description + ": " : "";
    assert_true(typeof e === "object" && e !== null, pre + "threw a non-object: " + String(e));
    if (typeof code === "object" && code !== null) {
      assert_equals(e.name, code.name, pre + "exception name");
      return;
    }
    var name = OLD.hasOwnProperty(code) ? OLD[code] : code;
    assert_true(CODES.hasOwnProperty(name), "Test bug: unrecognized DOMException code " + code);
    assert_equals(e.name, name, pre + "DOMException name");
    if (CODES[name]) assert_equals(e.code, CODES[name], pre + "DOMException code");
  }
  if (typeof self.assert_throws === "undefined") {
    self.assert_throws = function (code, func, description) {
      var threw = false, err;
      try { func.call(this); } catch (e) { threw = true; err = e; }
      assert_true(threw, (description ? description + ": " : "") + "function did not throw");
      check(code, err, description);
    };
  }
  if (typeof self.promise_rejects === "undefined") {
    self.promise_rejects = function (test, code, promise, description) {
      return promise.then(test.unreached_func("Should have rejected: " + description))
        .catch(function (e) { if (e instanceof AssertionError) throw e; check(code, e, description); });
    };
  }
  add_completion_callback(function (tests, status) {
    var out = {status: status.status, message: status.message, tests: []};
    for (var i = 0; i < tests.length; i++) {
      out.tests.push({name: String(tests[i].name), status: tests[i].status, message: tests[i].message == null ? "" : String(tests[i].message)});
    }
    __wptReport(JSON.stringify(out));
  });
})();
`

// Subtest and harness statuses, as testharness.js numbers them.
var testStatus = []string{"PASS", "FAIL", "TIMEOUT", "NOTRUN", "PRECONDITION_FAILED"}
var harnessStatus = []string{"OK", "ERROR", "TIMEOUT", "PRECONDITION_FAILED"}

type subtest struct {
	Name    string `json:"name"`
	Status  int    `json:"status"`
	Message string `json:"message"`
}

// result is one test file's outcome.
type result struct {
	file    string
	harness string // OK, ERROR, TIMEOUT, or NO-RESULT when the page never reported
	message string
	tests   []subtest
	elapsed time.Duration
}

func runAll(ctx context.Context, base string, files []string, o options, stderr io.Writer) []result {
	results := make([]result, len(files))
	var wg sync.WaitGroup
	work := make(chan int)
	for range o.jobs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range work {
				var console func(level, text string)
				if o.console {
					file := files[i]
					console = func(level, text string) { fmt.Fprintf(stderr, "%s: %s: %s\n", file, level, text) }
				}
				results[i] = runFile(ctx, base, files[i], o.timeout, console)
			}
		}()
	}
	for i := range files {
		work <- i
	}
	close(work)
	wg.Wait()
	return results
}

// runFile loads one test page on a virtual clock and runs its event loop
// until the harness reports, or the page's virtual time runs out (the
// harness's own timeout fires before), or the wall-clock limit passes.
func runFile(ctx context.Context, base, file string, timeout time.Duration, console func(level, text string)) (res result) {
	res = result{file: file, harness: "NO-RESULT"}
	start := time.Now()
	defer func() {
		res.elapsed = time.Since(start)
		if r := recover(); r != nil {
			res.harness, res.message = "ERROR", fmt.Sprintf("runner panic: %v", r)
		}
	}()
	u, err := url.Parse(base + "/" + file)
	if err != nil {
		res.message = err.Error()
		return res
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	done := false
	var win *bindings.Window
	opts := page.Options{
		VirtualTime: true,
		Console:     console,
		Setup: func(w *bindings.Window) {
			win = w
			w.RT.Set("__wptReport", w.RT.NewFunction("__wptReport", 1, func(c *js.Call) (js.Value, error) {
				s, err := c.Runtime.ToString(c.Arg(0))
				if err != nil {
					return js.Undefined(), err
				}
				var out struct {
					Status  int       `json:"status"`
					Message *string   `json:"message"`
					Tests   []subtest `json:"tests"`
				}
				if err := json.Unmarshal([]byte(s), &out); err != nil {
					return js.Undefined(), err
				}
				if out.Status >= 0 && out.Status < len(harnessStatus) {
					res.harness = harnessStatus[out.Status]
				}
				if out.Message != nil {
					res.message = *out.Message
				}
				res.tests = out.Tests
				done = true
				return js.Undefined(), nil
			}))
		},
	}
	// A watchdog interrupts the page's script when the wall-clock limit
	// passes, so that one endless loop cannot hold the runner.
	stopWatch := context.AfterFunc(ctx, func() {
		if win != nil {
			win.RT.Interrupt()
		}
	})
	defer stopWatch()
	loader := network.NewLoader(network.Options{})
	p, err := page.LoadWith(ctx, loader, u, opts)
	if err != nil {
		res.harness, res.message = "ERROR", err.Error()
		return res
	}
	if !done {
		p.RunUntil(120*time.Second, func() bool { return done || ctx.Err() != nil })
	}
	if !done {
		res.harness = "TIMEOUT"
		if ctx.Err() != nil {
			res.message = "wall-clock limit " + timeout.String() + " reached"
		} else {
			res.message = "the harness never completed"
		}
	}
	return res
}
