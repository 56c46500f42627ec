package harness

import (
	"runtime"
	"runtime/metrics"
	"sync"
	"time"
)

// heapMetric is the live-plus-unswept size of the Go heap. Reading it does
// not stop the world, so sampling it barely disturbs the timings.
const heapMetric = "/memory/classes/heap/objects:bytes"

// A heapSampler records the peak Go heap size while an in-process engine
// runs. It polls, so a peak shorter than the period can be missed.
type heapSampler struct {
	stop chan struct{}
	done sync.WaitGroup
	peak uint64
}

const heapSamplePeriod = 10 * time.Millisecond

// startHeapSampler collects garbage left by earlier runs, so that they do
// not count towards this one, and starts sampling.
func startHeapSampler() *heapSampler {
	runtime.GC()
	h := &heapSampler{stop: make(chan struct{})}
	h.done.Add(1)
	go h.loop()
	return h
}

func (h *heapSampler) loop() {
	defer h.done.Done()
	s := []metrics.Sample{{Name: heapMetric}}
	t := time.NewTicker(heapSamplePeriod)
	defer t.Stop()
	for {
		metrics.Read(s)
		if s[0].Value.Kind() == metrics.KindUint64 {
			h.peak = max(h.peak, s[0].Value.Uint64())
		}
		select {
		case <-h.stop:
			metrics.Read(s)
			if s[0].Value.Kind() == metrics.KindUint64 {
				h.peak = max(h.peak, s[0].Value.Uint64())
			}
			return
		case <-t.C:
		}
	}
}

// Stop ends sampling and returns the peak seen.
func (h *heapSampler) Stop() uint64 {
	close(h.stop)
	h.done.Wait()
	return h.peak
}
