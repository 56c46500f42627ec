package layout

// addMarker adds list item b's marker to its fragment f: outside the
// principal box, ending at its content edge, on the baseline of its first
// line (or where that line would be).
func (l *layouter) addMarker(b *box, f *Fragment) {
	s := b.style
	font := l.fontOf(s)
	if font == nil {
		return
	}
	shaped := l.shaper.Shape(font, b.marker)
	w := shaped.Width(s.FontSize)
	m := font.Metrics(s.FontSize)
	base, ok := firstBaseline(f)
	if !ok {
		a, _, _, _ := l.strut(s)
		base = f.Border[top] + f.Padding[top] + a
	}
	mf := l.alloc(Fragment{Kind: KindMarker, Node: b.node, Style: s,
		X: f.Border[left] + f.Padding[left] - w, Y: base - m.Ascent, W: w, H: m.Ascent + m.Descent,
		Text: l.allocRun(TextRun{Text: b.marker, Font: font, Size: s.FontSize, Color: s.Color, Baseline: m.Ascent})})
	for _, g := range shaped.Glyphs {
		mf.Text.Glyphs = append(mf.Text.Glyphs, Glyph{ID: g.ID, X: g.X * s.FontSize, Y: m.Ascent + g.Y*s.FontSize})
	}
	// The marker comes first: it is the ::marker before the content.
	f.Children = append([]*Fragment{mf}, f.Children...)
}
