package report

import (
	"bytes"
	"math"
	"math/rand"
	"testing"
)

// the strings JSON escapes, and text around them
var jsonStrings = []string{"", "a", "政策", "\"q\"", `back\slash`, "tab\there", "nl\nx\r", "\b\f\x00\x01\x1f\x7f",
	"<html>&amp;", "\u2028\u2029", "\xff\xfe bad", "半\xe4\xb8", "😀 emoji", "a\u00e9", "\u200b"}

func randomValue(r *rand.Rand, depth int) any {
	switch r.Intn(9) {
	case 0:
		return jsonStrings[r.Intn(len(jsonStrings))] + jsonStrings[r.Intn(len(jsonStrings))]
	case 1:
		return int64(r.Int63() - r.Int63())
	case 2:
		return r.Intn(1000) - 500
	case 3:
		return r.Intn(2) == 0
	case 4:
		fs := []float64{0, 1, -1, 0.5, 1e-7, 1.5e-6, 1e21, 1e20, 123456.789, -0.000001, 3.0000001, math.Copysign(0, -1),
			r.Float64(), r.NormFloat64() * 1e25, r.NormFloat64() * 1e-9, Round(r.Float64(), 6)}
		return fs[r.Intn(len(fs))]
	case 5:
		n := r.Intn(4)
		if n == 3 {
			return []string(nil)
		}
		l := make([]string, n)
		for i := range l {
			l[i] = jsonStrings[r.Intn(len(jsonStrings))]
		}
		return l
	case 6:
		if depth > 2 {
			return "leaf"
		}
		n := r.Intn(4)
		o := make(Object, n)
		for i := range o {
			o[i] = KV{jsonStrings[r.Intn(len(jsonStrings))], randomValue(r, depth+1)}
		}
		return o
	case 7:
		return math.Inf(1) // refused by both
	}
	return map[string]int{"x": 1} // not written by appendJSON
}

// appendJSON writes what encoding/json writes, compact and indented.
func TestAppendJSONAsEncodingJSON(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	for i := 0; i < 5000; i++ {
		v := Object{{"file", "a.txt"}, {"v", randomValue(r, 0)}}
		if r.Intn(3) == 0 {
			v = Object{{"x", randomValue(r, 0)}}
		}
		for _, indent := range []string{"", "  ", "    "} {
			want, werr := marshalStd(v, indent)
			got, gerr := marshal(v, indent)
			if (werr != nil) != (gerr != nil) || !bytes.Equal(got, want) {
				t.Fatalf("%#v indent %q:\n got %s (%v)\nwant %s (%v)", v, indent, got, gerr, want, werr)
			}
		}
	}
	for _, s := range jsonStrings {
		want, _ := marshalStd(s, "")
		if got, _ := marshal(s, ""); !bytes.Equal(got, want) {
			t.Errorf("%q: got %s want %s", s, got, want)
		}
	}
}

func FuzzAppendJSONString(f *testing.F) {
	for _, s := range jsonStrings {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v := Object{{s, s}, {"l", []string{s, s}}}
		for _, indent := range []string{"", "  "} {
			want, _ := marshalStd(v, indent)
			got, ok := appendJSON(nil, v, indent, indent != "")
			if !ok || !bytes.Equal(got, want) {
				t.Fatalf("%q: got %s want %s", s, got, want)
			}
		}
	})
}

func BenchmarkMarshalRow(b *testing.B) {
	cols := []Column{{Name: "text"}, {Name: "start"}, {Name: "end"}, {Name: "pos"}, {Name: "original", OmitEmpty: true}}
	idx := []int{0, 1, 2, 3, 4}
	row := []any{"高质量发展", 1234, 1249, "n", ""}
	group := []KV{{Key: "file", Value: "corpus/gwr/2024.txt"}}
	for _, name := range []string{"fast", "encoding/json"} {
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				var err error
				if name == "fast" {
					_, err = marshalRow(group, cols, idx, row, "  ")
				} else {
					_, err = marshalStd(rowObject(group, cols, idx, row), "  ")
				}
				if err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func randomCell(r *rand.Rand) any {
	x := r.NormFloat64() * math.Pow(10, float64(r.Intn(12)-6))
	switch r.Intn(14) {
	case 0:
		return Share(x)
	case 1:
		return Score(x)
	case 2:
		return Raw(x)
	case 3:
		return Fixed(x, r.Intn(4))
	case 4:
		return Sig(x)
	case 5:
		return List([]string{jsonStrings[r.Intn(len(jsonStrings))]}, ", ")
	case 6:
		return List(nil, ", ")
	case 7:
		return BarOf(int64(r.Intn(10)), 10)
	case 8:
		return Value(map[string]any{"k": []int{1, 2}})
	case 9:
		return Flag(r.Intn(2) == 0, "new")
	case 10:
		return nil
	case 11:
		return Str(jsonStrings[r.Intn(len(jsonStrings))])
	}
	return randomValue(r, 1)
}

// A row is written as marshal wrote rowObject of it, whatever its cells.
func TestMarshalRowAsRowObject(t *testing.T) {
	r := rand.New(rand.NewSource(2))
	for i := 0; i < 5000; i++ {
		n := r.Intn(5)
		cols := make([]Column, n)
		idx := make([]int, n)
		row := make([]any, r.Intn(n+1))
		for j := range cols {
			cols[j] = Column{Name: jsonStrings[r.Intn(len(jsonStrings))], OmitEmpty: r.Intn(2) == 0}
			if r.Intn(3) == 0 {
				cols[j].Key = "k"
			}
			idx[j] = j
		}
		for j := range row {
			row[j] = randomCell(r)
		}
		var group []KV
		if r.Intn(2) == 0 {
			group = []KV{{Key: "file", Value: randomCell(r)}}
		}
		for _, indent := range []string{"", "  ", "    "} {
			want, werr := marshalStd(rowObject(group, cols, idx, row), indent)
			got, gerr := marshalRow(group, cols, idx, row, indent)
			if (werr != nil) != (gerr != nil) || !bytes.Equal(got, want) {
				t.Fatalf("%#v %#v indent %q:\n got %s (%v)\nwant %s (%v)", cols, row, indent, got, gerr, want, werr)
			}
		}
	}
}
