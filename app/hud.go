package app

import (
	"fmt"
	"image"
	"image/color"
	"strings"
	"time"

	"gioui.org/layout"
	"gioui.org/op"
	"gioui.org/unit"
	"gioui.org/widget/material"

	"glassbox/compositor/timeline"
)

// The frame timing overlay (Ctrl+Shift+F): a panel over the page's top
// right corner with the compositor's frame rate and stage times, the shown
// page's last frame's stages, and a graph of what each of the last frames
// cost the compositor thread (raster, overlay and draw) against a 60 Hz
// frame's budget, all read from the compositor's timeline. (The compositor
// draws on demand, so the time between frames says little when nothing
// moves.)

const (
	hudRefresh = 250 * time.Millisecond // how often the panel is redrawn
	hudFrames  = 60                     // frames in the graph
	hudWidth   = 330                    // dp
	hudGraphH  = 40                     // dp
	hudGraphMS = 50                     // the graph's full height, in ms
)

var (
	hudBackground = color.NRGBA{R: 0x20, G: 0x21, B: 0x24, A: 0xe0}
	hudText       = color.NRGBA{R: 0xf1, G: 0xf3, B: 0xf4, A: 0xff}
	hudGood       = color.NRGBA{R: 0x34, G: 0xa8, B: 0x53, A: 0xff} // within a 60 Hz frame
	hudSlow       = color.NRGBA{R: 0xfb, G: 0xbc, B: 0x04, A: 0xff} // within two
	hudBad        = color.NRGBA{R: 0xea, G: 0x43, B: 0x35, A: 0xff}
	hudRule       = color.NRGBA{R: 0xff, G: 0xff, B: 0xff, A: 0x60}
)

// hudStats is what the panel shows.
type hudStats struct {
	FPS                  int             // compositor frames in the last second
	Costs                []time.Duration // compositor time of the last frames
	Draw, GPUDraw        time.Duration   // means over the last second's frames
	Raster, GPURaster    time.Duration   // means per raster (a tile)
	Rasters              int             // tile rasters in the last second
	GPU                  bool            // the GPU's times are known
	Style, Layout, Paint time.Duration   // the page's last frame
	Commit               time.Duration
	PageFrame            uint64
}

// hudSummary sums up events (oldest first) as of now, for the page whose
// thread is page.
func hudSummary(events []timeline.Event, page string, now time.Time) hudStats {
	var st hudStats
	var frames []uint64 // compositor frames, in order
	cost := map[uint64]time.Duration{}
	var draw, gpuDraw, raster, gpuRaster time.Duration
	var nGPUDraw, nGPURaster int
	second := now.Add(-time.Second)
	for _, e := range events {
		recent := !e.Start.Before(second)
		if e.Thread == timeline.Compositor && e.Stage != timeline.Swap {
			if _, ok := cost[e.Frame]; !ok {
				frames = append(frames, e.Frame)
			}
			cost[e.Frame] += e.Dur
		}
		switch {
		case e.Thread == timeline.Compositor && e.Stage == timeline.Draw:
			if recent {
				st.FPS++
				draw += e.Dur
			}
		case e.Thread == timeline.Compositor && e.Stage == timeline.Raster && recent:
			st.Rasters++
			raster += e.Dur
		case e.Thread == timeline.GPU:
			st.GPU = true
			if !recent {
				break
			}
			if e.Stage == timeline.Draw {
				gpuDraw += e.Dur
				nGPUDraw++
			} else {
				gpuRaster += e.Dur
				nGPURaster++
			}
		case e.Thread == page && e.Stage != timeline.Task:
			if e.Frame != st.PageFrame {
				st.PageFrame = e.Frame
				st.Style, st.Layout, st.Paint, st.Commit = 0, 0, 0, 0
			}
			switch e.Stage {
			case timeline.Style:
				st.Style = e.Dur
			case timeline.Layout:
				st.Layout = e.Dur
			case timeline.Paint:
				st.Paint = e.Dur
			case timeline.Commit:
				st.Commit = e.Dur
			}
		}
	}
	mean := func(d time.Duration, n int) time.Duration {
		if n == 0 {
			return 0
		}
		return d / time.Duration(n)
	}
	st.Draw, st.Raster = mean(draw, st.FPS), mean(raster, st.Rasters)
	st.GPUDraw, st.GPURaster = mean(gpuDraw, nGPUDraw), mean(gpuRaster, nGPURaster)
	if len(frames) > hudFrames {
		frames = frames[len(frames)-hudFrames:]
	}
	for _, f := range frames {
		st.Costs = append(st.Costs, cost[f])
	}
	return st
}

// lines returns the panel's text.
func (st hudStats) lines() []string {
	gpu := "GPU: no timer queries"
	if st.GPU {
		gpu = fmt.Sprintf("GPU: draw %s · raster %s ms", ms(st.GPUDraw), ms(st.GPURaster))
	}
	return []string{
		fmt.Sprintf("%d fps · draw %s ms · %d rasters of %s ms", st.FPS, ms(st.Draw), st.Rasters, ms(st.Raster)),
		gpu,
		fmt.Sprintf("page %d: style %s · layout %s · paint %s · commit %s ms",
			st.PageFrame, ms(st.Style), ms(st.Layout), ms(st.Paint), ms(st.Commit)),
	}
}

func ms(d time.Duration) string { return fmt.Sprintf("%.1f", float64(d.Microseconds())/1000) }

// layoutHUD draws the panel and returns where.
func (w *Window) layoutHUD(gtx layout.Context) image.Rectangle {
	s := w.ui
	if s.active == nil {
		return image.Rectangle{}
	}
	now := time.Now()
	s.hudNext = now.Add(hudRefresh)
	st := hudSummary(w.comp.Timeline().Recent(2048), s.active.thread, now)
	ops := gtx.Ops
	pad := s.dp(8)
	width := min(s.dp(hudWidth), s.content.Dx()-2*pad)
	if width <= 0 {
		return image.Rectangle{}
	}
	// The text, recorded first to know its height.
	m := op.Record(ops)
	y := 0
	for _, line := range st.lines() {
		off := op.Offset(image.Pt(pad, pad+y)).Push(ops)
		lgtx := gtx
		lgtx.Constraints = layout.Constraints{Max: image.Pt(width-2*pad, s.content.Dy())}
		l := material.Label(s.th, unit.Sp(11), line)
		l.Color = hudText
		l.MaxLines = 1
		y += l.Layout(lgtx).Size.Y
		off.Pop()
	}
	text := m.Stop()
	graphH := s.dp(hudGraphH)
	height := pad + y + pad + graphH + pad
	r := image.Rectangle{Min: image.Pt(s.content.Max.X-s.dp(scrollbarWidth)-pad-width, s.content.Min.Y+pad)}
	r.Max = r.Min.Add(image.Pt(width, height))
	fill(ops, r, hudBackground)
	off := op.Offset(r.Min).Push(ops)
	text.Add(ops)
	// The graph: a bar per frame, its height the frame's cost, and a rule
	// at a 60 Hz frame's budget (16.7 ms).
	g := image.Rect(pad, pad+y+pad, width-pad, pad+y+pad+graphH)
	barW := max(g.Dx()/hudFrames, 1)
	scale := float64(graphH) / hudGraphMS
	for i, d := range st.Costs {
		msCost := float64(d.Microseconds()) / 1000
		h := max(min(int(msCost*scale+0.5), graphH), 1)
		c := hudGood
		switch {
		case msCost > 2*1000.0/60:
			c = hudBad
		case msCost > 1000.0/60:
			c = hudSlow
		}
		x := g.Min.X + i*barW
		fill(ops, image.Rect(x, g.Max.Y-h, x+max(barW-1, 1), g.Max.Y), c)
	}
	rule := g.Max.Y - int(1000.0/60*scale+0.5)
	fill(ops, image.Rect(g.Min.X, rule, g.Max.X, rule+max(s.dp(1), 1)), hudRule)
	off.Pop()
	return r
}

// hudLines returns the panel's text now (for tests).
func (w *Window) hudLines() string {
	s := w.ui
	if s.active == nil {
		return ""
	}
	return strings.Join(hudSummary(w.comp.Timeline().Recent(2048), s.active.thread, time.Now()).lines(), "\n")
}
