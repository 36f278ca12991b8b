package htmlreport

import (
	"encoding/json"
	"fmt"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
)

// Option is an ECharts option, as JSON.
type Option map[string]any

// Palette is the colour of series i (ECharts' default palette).
func Palette(i int) string {
	p := [...]string{"#5470c6", "#91cc75", "#fac858", "#ee6666", "#73c0de", "#3ba272", "#fc8452", "#9a60b4", "#ea7ccc"}
	if i < 0 {
		i = -i
	}
	return p[i%len(p)]
}

// Series is one named series of values, one per category. A value that
// is NaN or missing (Has false) is left blank (stacked bars).
type Series struct {
	Name   string
	Values []float64
	// Missing marks values to leave out (nil: none).
	Missing []bool
	// Tips are extra tooltip lines per value (nil: the default tooltip).
	Tips [][]string
	// Color overrides the palette.
	Color string
}

// BarSpec describes a bar chart.
type BarSpec struct {
	Categories []string
	Series     []Series
	// Horizontal draws bars left to right, the first category on top:
	// what a ranking of Chinese terms needs to stay readable.
	Horizontal bool
	// Stack stacks the series.
	Stack bool
	// ValueName names the value axis.
	ValueName string
	// Legend shows the series names.
	Legend bool
	// LabelWidth is the room for category labels, in pixels (horizontal
	// charts); 0 lets ECharts decide.
	LabelWidth int
}

// chartJSON turns a go-echarts chart into its option.
type chartJSON interface {
	Validate()
	JSON() map[string]any
}

func toOption(c chartJSON) (Option, error) {
	c.Validate()
	b, err := json.Marshal(c.JSON())
	if err != nil {
		return nil, fmt.Errorf("chart option: %w", err)
	}
	var o Option
	if err := json.Unmarshal(b, &o); err != nil {
		return nil, fmt.Errorf("chart option: %w", err)
	}
	// go-echarts writes empty components; leave them out.
	for _, k := range []string{"title", "toolbox", "legend"} {
		if m, ok := o[k].(map[string]any); ok && len(m) == 0 {
			delete(o, k)
		}
	}
	o["animation"] = false
	return o, nil
}

// firstAxis is the first axis of a kind (xAxis, yAxis) of an option.
func firstAxis(o Option, kind string) map[string]any {
	axes, _ := o[kind].([]any)
	a, _ := firstMap(axes)
	return a
}

func firstMap(xs []any) (map[string]any, bool) {
	if len(xs) == 0 {
		return nil, false
	}
	m, ok := xs[0].(map[string]any)
	return m, ok && m != nil
}

// tipItems adds each series' tooltip lines to its data items, for the
// page's "tip" formatter.
func tipItems(o Option, series []Series) bool {
	ss, _ := o["series"].([]any)
	found := false
	for i, s := range series {
		if s.Tips == nil || i >= len(ss) {
			continue
		}
		sm, _ := ss[i].(map[string]any)
		data, _ := sm["data"].([]any)
		for j := range data {
			if j < len(s.Tips) && s.Tips[j] != nil {
				if dm, ok := data[j].(map[string]any); ok {
					dm["tip"] = s.Tips[j]
					found = true
				}
			}
		}
	}
	return found
}

// Bar builds a bar chart.
func Bar(spec BarSpec) (Option, error) {
	bar := charts.NewBar()
	trigger := "axis"
	if spec.Stack {
		trigger = "item"
	}
	global := []charts.GlobalOpts{
		charts.WithTooltipOpts(opts.Tooltip{Trigger: trigger}),
		charts.WithGridOpts(opts.Grid{Left: "8", Right: "24", Top: "28", Bottom: "8", ContainLabel: opts.Bool(true)}),
	}
	if spec.Legend {
		global = append(global, charts.WithLegendOpts(opts.Legend{Show: opts.Bool(true), Type: "scroll", Top: "0"}))
		global[1] = charts.WithGridOpts(opts.Grid{Left: "8", Right: "24", Top: "48", Bottom: "8", ContainLabel: opts.Bool(true)})
	}
	bar.SetGlobalOptions(global...)
	bar.SetXAxis(spec.Categories)
	for i, s := range spec.Series {
		data := make([]opts.BarData, len(spec.Categories))
		for j := range data {
			if j < len(s.Values) && !(s.Missing != nil && j < len(s.Missing) && s.Missing[j]) {
				data[j] = opts.BarData{Value: s.Values[j]}
			} else {
				data[j] = opts.BarData{Value: "-"}
			}
		}
		color := s.Color
		if color == "" {
			color = Palette(i)
		}
		so := []charts.SeriesOpts{charts.WithItemStyleOpts(opts.ItemStyle{Color: color})}
		if spec.Stack {
			so = append(so, charts.WithBarChartOpts(opts.BarChart{Stack: "total"}))
		}
		bar.AddSeries(s.Name, data, so...)
	}
	if spec.Horizontal {
		bar.XYReversal()
	}
	o, err := toOption(bar)
	if err != nil {
		return nil, err
	}
	cat, val := "xAxis", "yAxis"
	if spec.Horizontal {
		cat, val = "yAxis", "xAxis"
	}
	if a := firstAxis(o, cat); a != nil {
		a["type"] = "category"
		if spec.Horizontal {
			a["inverse"] = true // the first category (rank 1) on top
			label := map[string]any{"interval": 0}
			if spec.LabelWidth > 0 {
				label["width"] = spec.LabelWidth
				label["overflow"] = "truncate"
			}
			a["axisLabel"] = label
		} else {
			a["axisLabel"] = map[string]any{"rotate": 45}
		}
	}
	if a := firstAxis(o, val); a != nil {
		a["type"] = "value"
		a["axisLabel"] = map[string]any{"hideOverlap": true}
		if spec.ValueName != "" {
			a["name"] = spec.ValueName
			a["nameLocation"] = "end"
		}
	}
	if tipItems(o, spec.Series) {
		o["tooltip"] = map[string]any{"trigger": "item", "formatter": "tip"}
	}
	return o, nil
}

// LineSpec describes a line chart over categories (years). Missing values
// are gaps the line bridges (years without a document).
type LineSpec struct {
	Categories []string
	Series     []Series
	ValueName  string
	// Hidden lists the series shown only once their legend entry is
	// clicked.
	Hidden []string
}

// Line builds a line chart with a legend (click a name to hide its line).
func Line(spec LineSpec) (Option, error) {
	line := charts.NewLine()
	line.SetGlobalOptions(
		charts.WithTooltipOpts(opts.Tooltip{Trigger: "axis"}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(true), Type: "scroll", Top: "0"}),
		charts.WithGridOpts(opts.Grid{Left: "8", Right: "24", Top: "56", Bottom: "56", ContainLabel: opts.Bool(true)}),
		charts.WithDataZoomOpts(opts.DataZoom{Type: "slider", Start: 0, End: 100}, opts.DataZoom{Type: "inside"}),
	)
	line.SetXAxis(spec.Categories)
	for i, s := range spec.Series {
		data := make([]opts.LineData, len(spec.Categories))
		for j := range data {
			if j < len(s.Values) && !(s.Missing != nil && j < len(s.Missing) && s.Missing[j]) {
				data[j] = opts.LineData{Value: s.Values[j]}
			} else {
				data[j] = opts.LineData{Value: "-"}
			}
		}
		color := s.Color
		if color == "" {
			color = Palette(i)
		}
		line.AddSeries(s.Name, data,
			charts.WithItemStyleOpts(opts.ItemStyle{Color: color}),
			charts.WithLineStyleOpts(opts.LineStyle{Width: 2}))
	}
	o, err := toOption(line)
	if err != nil {
		return nil, err
	}
	if a := firstAxis(o, "xAxis"); a != nil {
		a["type"] = "category"
		a["boundaryGap"] = false
	}
	if a := firstAxis(o, "yAxis"); a != nil {
		a["type"] = "value"
		a["axisLabel"] = map[string]any{"hideOverlap": true}
		if spec.ValueName != "" {
			a["name"] = spec.ValueName
		}
	}
	if ss, ok := o["series"].([]any); ok {
		for _, s := range ss {
			if m, ok := s.(map[string]any); ok {
				m["symbolSize"] = 5
				m["connectNulls"] = true
				m["emphasis"] = map[string]any{"focus": "series"}
			}
		}
	}
	if len(spec.Hidden) > 0 {
		if lg, ok := o["legend"].(map[string]any); ok {
			sel := map[string]any{}
			for _, h := range spec.Hidden {
				sel[h] = false
			}
			lg["selected"] = sel
		}
	}
	return o, nil
}

// Word is one word of a word cloud.
type Word struct {
	Text  string
	Value float64
	// Tip is extra tooltip lines.
	Tip []string
}

// WordCloud builds a word cloud (the echarts-wordcloud series): font size
// grows with the value; colours follow the palette by rank.
func WordCloud(words []Word) (Option, error) {
	wc := charts.NewWordCloud()
	wc.SetGlobalOptions(charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true)}))
	data := make([]opts.WordCloudData, len(words))
	for i, w := range words {
		data[i] = opts.WordCloudData{Name: w.Text, Value: w.Value}
	}
	wc.AddSeries("", data, charts.WithWorldCloudChartOpts(opts.WordCloudChart{
		Shape: "circle", SizeRange: []float32{14, 64}, RotationRange: []float32{0, 0}}))
	o, err := toOption(wc)
	if err != nil {
		return nil, err
	}
	ss, _ := o["series"].([]any)
	if s, ok := firstMap(ss); ok {
		// go-echarts sets a random-colour JavaScript function; colours are
		// set per word instead, so the page needs no code from the data.
		delete(s, "textStyle")
		s["gridSize"] = 6
		s["width"] = "96%"
		s["height"] = "96%"
		s["left"] = "center"
		s["top"] = "center"
		s["drawOutOfBound"] = false
		s["layoutAnimation"] = false
		s["emphasis"] = map[string]any{"textStyle": map[string]any{"fontWeight": "bold"}}
		items, _ := s["data"].([]any)
		tips := false
		for i, it := range items {
			m, ok := it.(map[string]any)
			if !ok {
				continue
			}
			m["textStyle"] = map[string]any{"color": Palette(i)}
			if i < len(words) && words[i].Tip != nil {
				m["tip"] = words[i].Tip
				tips = true
			}
		}
		if tips {
			o["tooltip"] = map[string]any{"trigger": "item", "formatter": "tip"}
		}
	}
	return o, nil
}

// GraphNode is a node of a network chart.
type GraphNode struct {
	Name  string
	Value float64
	// Tip is extra tooltip lines.
	Tip []string
}

// GraphLink is an edge of a network chart.
type GraphLink struct {
	Source, Target string
	Value          float64
	Tip            []string
}

// Graph builds a network chart (an ECharts graph series with a force
// layout): node size grows with the value, edge width with the link's.
func Graph(nodes []GraphNode, links []GraphLink) (Option, error) {
	var maxV, maxL float64
	for _, n := range nodes {
		maxV = max(maxV, n.Value)
	}
	for _, l := range links {
		maxL = max(maxL, l.Value)
	}
	data := make([]any, len(nodes))
	tips := false
	for i, n := range nodes {
		size := 8.0
		if maxV > 0 {
			size = 8 + 32*n.Value/maxV
		}
		m := map[string]any{"name": n.Name, "value": n.Value, "symbolSize": size,
			"itemStyle": map[string]any{"color": Palette(i)}}
		if n.Tip != nil {
			m["tip"] = n.Tip
			tips = true
		}
		data[i] = m
	}
	ls := make([]any, len(links))
	for i, l := range links {
		w := 1.0
		if maxL > 0 {
			w = 1 + 5*l.Value/maxL
		}
		m := map[string]any{"source": l.Source, "target": l.Target, "value": l.Value,
			"lineStyle": map[string]any{"width": w}}
		if l.Tip != nil {
			m["tip"] = l.Tip
			tips = true
		}
		ls[i] = m
	}
	o := Option{
		"animation": false,
		"tooltip":   map[string]any{"trigger": "item"},
		"series": []any{map[string]any{
			"type": "graph", "layout": "force", "roam": true, "draggable": true,
			"label":     map[string]any{"show": true, "position": "right"},
			"force":     map[string]any{"repulsion": 420, "edgeLength": []any{80, 220}, "gravity": 0.05, "layoutAnimation": false},
			"lineStyle": map[string]any{"color": "source", "opacity": 0.5, "curveness": 0.1},
			"emphasis":  map[string]any{"focus": "adjacency"},
			"data":      data, "links": ls,
		}},
	}
	if tips {
		o["tooltip"] = map[string]any{"trigger": "item", "formatter": "tip"}
	}
	return o, nil
}
