package main

import (
	"errors"
	"fmt"
	"sync"
	"time"

	"glassbox/js"
)

// agents runs the concurrent agents of $262.agent (INTERPRETING.md,
// "agent"): each is a runtime of its own on its own goroutine, able to
// block in Atomics.wait, that receives SharedArrayBuffers the main agent
// broadcasts and reports strings back.
type agents struct {
	print   func(string)
	mu      sync.Mutex
	reports []string
	workers []*agentWorker
	wg      sync.WaitGroup
	closed  bool
}

// agentWorker is one started agent.
type agentWorker struct {
	rt    *js.Runtime
	inbox chan agentMessage
	done  chan struct{} // closed when the agent's goroutine ends
	stop  chan struct{} // closed to end it
}

// agentMessage is a broadcast: memory to wrap in a SharedArrayBuffer of
// the agent's realm, a number, and a channel closed once the agent has
// taken the message.
type agentMessage struct {
	mem   js.SharedMemory
	num   js.Value
	taken chan struct{}
}

// start begins an agent running src.
func (a *agents) start(src string) error {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.closed {
		return errors.New("agents are shut down")
	}
	rt := js.New()
	rt.SetCanBlock(true)
	w := &agentWorker{rt: rt, inbox: make(chan agentMessage), done: make(chan struct{}), stop: make(chan struct{})}
	var callback js.Value
	var leaving bool
	d := rt.NewObject()
	ag := rt.NewObject()
	fns := []struct {
		obj  js.Value
		name string
		fn   func(c *js.Call) (js.Value, error)
	}{
		{d, "global", nil},
		{ag, "receiveBroadcast", func(c *js.Call) (js.Value, error) {
			callback = c.Arg(0)
			return js.Undefined(), nil
		}},
		{ag, "report", func(c *js.Call) (js.Value, error) {
			s, err := c.Runtime.ToString(c.Arg(0))
			if err != nil {
				return js.Undefined(), err
			}
			a.mu.Lock()
			a.reports = append(a.reports, s)
			a.mu.Unlock()
			return js.Undefined(), nil
		}},
		{ag, "leaving", func(c *js.Call) (js.Value, error) {
			leaving = true
			return js.Undefined(), nil
		}},
		{ag, "sleep", agentSleep},
		{ag, "monotonicNow", agentNow},
	}
	for _, f := range fns {
		v := rt.Global()
		if f.fn != nil {
			v = rt.NewFunction(f.name, 1, f.fn)
		}
		if err := rt.SetProperty(f.obj, f.name, v); err != nil {
			return err
		}
	}
	if err := rt.SetProperty(d, "agent", ag); err != nil {
		return err
	}
	if err := rt.Set("$262", d); err != nil {
		return err
	}
	if err := rt.Set("print", rt.NewFunction("print", 1, func(c *js.Call) (js.Value, error) {
		s, err := c.Runtime.ToString(c.Arg(0))
		if err == nil {
			a.print(s)
		}
		return js.Undefined(), err
	})); err != nil {
		return err
	}
	a.workers = append(a.workers, w)
	a.wg.Add(1)
	go func() {
		defer a.wg.Done()
		defer close(w.done)
		// A panic in an agent must not take the runner down; the main
		// agent sees it as an agent that stopped reporting.
		defer func() { _ = recover() }()
		if _, err := rt.RunScript("agent.js", src); err != nil {
			return
		}
		// The agent's event loop: jobs, broadcasts, and the timeouts and
		// notifications of its Atomics.waitAsync calls, until it leaves
		// with nothing left waiting.
		for {
			if rt.RunJobs() != nil {
				return
			}
			n, next := rt.PendingWaits()
			if leaving && n == 0 {
				return
			}
			var poll <-chan time.Time
			if n > 0 {
				d := time.Millisecond
				if !next.IsZero() {
					d = max(min(d, time.Until(next)), 0)
				}
				poll = time.After(d)
			}
			select {
			case m := <-w.inbox:
				close(m.taken)
				if callback.IsUndefined() {
					continue
				}
				if _, err := rt.Call(callback, js.Undefined(), rt.NewSharedArrayBuffer(m.mem), m.num); err != nil {
					return
				}
			case <-poll:
			case <-w.stop:
				return
			}
		}
	}()
	return nil
}

// broadcast hands buf and num to every agent still running, returning
// once each has taken them.
func (a *agents) broadcast(buf, num js.Value) error {
	mem, ok := js.SharedMemoryOf(buf)
	if !ok {
		return errors.New("$262.agent.broadcast: not a SharedArrayBuffer")
	}
	a.mu.Lock()
	workers := append([]*agentWorker(nil), a.workers...)
	a.mu.Unlock()
	for _, w := range workers {
		m := agentMessage{mem: mem, num: num, taken: make(chan struct{})}
		select {
		case w.inbox <- m:
			<-m.taken
		case <-w.done:
		case <-w.stop:
		}
	}
	return nil
}

// getReport returns the oldest report not yet read, or null.
func (a *agents) getReport() js.Value {
	a.mu.Lock()
	defer a.mu.Unlock()
	if len(a.reports) == 0 {
		return js.Null()
	}
	s := a.reports[0]
	a.reports = a.reports[1:]
	return js.String(s)
}

// running reports whether an agent is still running, and so may notify.
func (a *agents) running() bool {
	a.mu.Lock()
	defer a.mu.Unlock()
	for _, w := range a.workers {
		select {
		case <-w.done:
		default:
			return true
		}
	}
	return false
}

// interrupt interrupts every agent.
func (a *agents) interrupt() {
	a.mu.Lock()
	defer a.mu.Unlock()
	for _, w := range a.workers {
		w.rt.Interrupt()
	}
}

// close stops every agent and waits for their goroutines, for a while.
func (a *agents) close() {
	a.mu.Lock()
	a.closed = true
	for _, w := range a.workers {
		close(w.stop)
		w.rt.Interrupt()
	}
	a.mu.Unlock()
	done := make(chan struct{})
	go func() {
		a.wg.Wait()
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
	}
}

// agentEpoch is the origin of $262.agent.monotonicNow.
var agentEpoch = time.Now()

func agentNow(c *js.Call) (js.Value, error) {
	return js.Number(float64(time.Since(agentEpoch).Microseconds()) / 1000), nil
}

func agentSleep(c *js.Call) (js.Value, error) {
	s, err := c.Runtime.ToString(c.Arg(0))
	if err != nil {
		return js.Undefined(), err
	}
	var ms float64
	if _, err := fmt.Sscan(s, &ms); err == nil && ms > 0 {
		time.Sleep(time.Duration(ms * float64(time.Millisecond)))
	}
	return js.Undefined(), nil
}
