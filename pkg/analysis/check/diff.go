package check

import (
	"fmt"
	"strings"
)

// UnifiedDiff returns the unified diff (3 lines of context) that turns old
// into new, with headers naming the file as a/name and b/name, or "" when
// they are equal. Lines are compared whole, line ends included.
func UnifiedDiff(name, old, new string) string {
	if old == new {
		return ""
	}
	a, b := splitLines(old), splitLines(new)
	ops := diffLines(a, b)
	var sb strings.Builder
	fmt.Fprintf(&sb, "--- a/%s\n+++ b/%s\n", name, name)
	const ctx = 3
	// Group the edit script into hunks.
	type op struct {
		kind byte // ' ', '-', '+'
		ai   int  // index in a (for ' ' and '-')
		bi   int  // index in b (for ' ' and '+')
	}
	var script []op
	ai, bi := 0, 0
	for _, o := range ops {
		for ai < o.a {
			script = append(script, op{' ', ai, bi})
			ai++
			bi++
		}
		for k := 0; k < o.del; k++ {
			script = append(script, op{'-', ai, bi})
			ai++
		}
		for k := 0; k < o.ins; k++ {
			script = append(script, op{'+', ai, bi})
			bi++
		}
	}
	for ai < len(a) {
		script = append(script, op{' ', ai, bi})
		ai++
		bi++
	}
	for i := 0; i < len(script); {
		if script[i].kind == ' ' {
			i++
			continue
		}
		start := max(0, i-ctx)
		end := i
		for end < len(script) {
			if script[end].kind != ' ' {
				end++
				continue
			}
			// A run of context: does another change follow within 2*ctx?
			j := end
			for j < len(script) && script[j].kind == ' ' {
				j++
			}
			if j < len(script) && j-end <= 2*ctx {
				end = j
				continue
			}
			end = min(j, end+ctx)
			break
		}
		var aStart, aLen, bStart, bLen int
		aStart, bStart = script[start].ai, script[start].bi
		for _, o := range script[start:end] {
			switch o.kind {
			case ' ':
				aLen++
				bLen++
			case '-':
				aLen++
			case '+':
				bLen++
			}
		}
		fmt.Fprintf(&sb, "@@ -%s +%s @@\n", hunkRange(aStart, aLen), hunkRange(bStart, bLen))
		for _, o := range script[start:end] {
			var line string
			switch o.kind {
			case ' ', '-':
				line = a[o.ai]
			case '+':
				line = b[o.bi]
			}
			sb.WriteByte(o.kind)
			sb.WriteString(line)
			if !strings.HasSuffix(line, "\n") {
				sb.WriteString("\n\\ No newline at end of file\n")
			}
		}
		i = end
	}
	return sb.String()
}

func hunkRange(start, n int) string {
	switch n {
	case 0:
		return fmt.Sprintf("%d,0", start)
	case 1:
		return fmt.Sprintf("%d", start+1)
	}
	return fmt.Sprintf("%d,%d", start+1, n)
}

// splitLines splits s after every \n, keeping the line ends.
func splitLines(s string) []string {
	if s == "" {
		return nil
	}
	lines := strings.SplitAfter(s, "\n")
	if lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	return lines
}

// maxMyers bounds the size of the changed region that Myers' algorithm
// (quadratic memory in the worst case) is run on; a larger one is shown as
// one replacement.
const maxMyers = 4000

// diffOp deletes del lines of a at a, then inserts ins lines of b.
type diffOp struct {
	a, del, ins int
}

// diffLines returns the edit script from a to b (Myers' O(ND) algorithm,
// after trimming the common prefix and suffix).
func diffLines(a, b []string) []diffOp {
	pre := 0
	for pre < len(a) && pre < len(b) && a[pre] == b[pre] {
		pre++
	}
	suf := 0
	for suf < len(a)-pre && suf < len(b)-pre && a[len(a)-1-suf] == b[len(b)-1-suf] {
		suf++
	}
	ra, rb := a[pre:len(a)-suf], b[pre:len(b)-suf]
	n, m := len(ra), len(rb)
	if n == 0 && m == 0 {
		return nil
	}
	if n == m {
		// Repairs keep the lines: compare them one to one.
		var ops []diffOp
		for i := range ra {
			if ra[i] != rb[i] {
				if k := len(ops) - 1; k >= 0 && ops[k].a+ops[k].del == pre+i {
					ops[k].del++
					ops[k].ins++
					continue
				}
				ops = append(ops, diffOp{a: pre + i, del: 1, ins: 1})
			}
		}
		return ops
	}
	if n+m > maxMyers {
		return []diffOp{{a: pre, del: n, ins: m}}
	}
	maxD := n + m
	off := maxD
	v := make([]int, 2*maxD+2)
	var trace [][]int
	var found bool
	for d := 0; d <= maxD && !found; d++ {
		snapshot := make([]int, len(v))
		copy(snapshot, v)
		trace = append(trace, snapshot)
		for k := -d; k <= d; k += 2 {
			var x int
			if k == -d || k != d && v[off+k-1] < v[off+k+1] {
				x = v[off+k+1]
			} else {
				x = v[off+k-1] + 1
			}
			y := x - k
			for x < n && y < m && ra[x] == rb[y] {
				x++
				y++
			}
			v[off+k] = x
			if x >= n && y >= m {
				found = true
				break
			}
		}
	}
	// Backtrack: collect single-line moves from the end.
	type move struct {
		del bool
		x   int // position in ra of the deletion, or before the insertion
	}
	var moves []move
	x, y := n, m
	for d := len(trace) - 1; d > 0; d-- {
		vv := trace[d]
		k := x - y
		var prevK int
		if k == -d || k != d && vv[off+k-1] < vv[off+k+1] {
			prevK = k + 1
		} else {
			prevK = k - 1
		}
		prevX := vv[off+prevK]
		prevY := prevX - prevK
		for x > prevX && y > prevY {
			x--
			y--
		}
		if x == prevX {
			moves = append(moves, move{del: false, x: x})
		} else {
			moves = append(moves, move{del: true, x: prevX})
		}
		x, y = prevX, prevY
	}
	// moves are in reverse order; turn them into grouped ops.
	var ops []diffOp
	for i := len(moves) - 1; i >= 0; i-- {
		mv := moves[i]
		pos := pre + mv.x
		if len(ops) > 0 {
			last := &ops[len(ops)-1]
			if mv.del && last.ins == 0 && last.a+last.del == pos {
				last.del++
				continue
			}
			if !mv.del && last.a+last.del == pos {
				last.ins++
				continue
			}
		}
		if mv.del {
			ops = append(ops, diffOp{a: pos, del: 1})
		} else {
			ops = append(ops, diffOp{a: pos, ins: 1})
		}
	}
	return ops
}
