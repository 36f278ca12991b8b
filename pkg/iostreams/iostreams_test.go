package iostreams

import "testing"

func TestColourWanted(t *testing.T) {
	for _, c := range []struct {
		tty      bool
		env      map[string]string
		want     bool
		scenario string
	}{
		{true, nil, true, "a terminal"},
		{false, nil, false, "a pipe"},
		{true, map[string]string{"NO_COLOR": "1"}, false, "NO_COLOR=1"},
		{true, map[string]string{"NO_COLOR": ""}, true, "NO_COLOR= (empty: not set, as no-color.org says)"},
		{true, map[string]string{"TERM": "dumb"}, false, "TERM=dumb"},
	} {
		if got := colourWanted(c.tty, func(k string) string { return c.env[k] }); got != c.want {
			t.Errorf("%s: colour %v, want %v", c.scenario, got, c.want)
		}
	}
}
