package script

// Display turns a counted term into the form shown under --script.
type Display struct {
	mode string
	conv *Converter
}

// NewDisplay returns the display for a --script value (auto, s, t, tw, hk).
func NewDisplay(mode string) (*Display, error) {
	d := &Display{mode: mode}
	var cfg string
	switch mode {
	case "t":
		cfg = "s2t"
	case "tw":
		cfg = "s2tw"
	case "hk":
		cfg = "s2hk"
	}
	if cfg != "" {
		c, err := NewConverter(cfg)
		if err != nil {
			return nil, err
		}
		d.conv = c
	}
	return d, nil
}

// Show gives the displayed form of a term counted under key (Simplified,
// ASCII lower-cased) whose most frequent written form is surface: surface
// with --script auto; otherwise the key, with the letter case of surface,
// converted to the script asked for. The key, not the surface, is
// converted: it was folded in context (計畫 is counted as 计划, although 畫
// alone is 画).
func (d *Display) Show(key, surface string) string {
	if d == nil || d.mode == "auto" || d.mode == "" {
		return surface
	}
	s := withCase(key, surface)
	if d.conv != nil {
		s = d.conv.Convert(s)
	}
	return s
}

// ShowText gives the displayed form of running text (a context).
func (d *Display) ShowText(text string) string {
	if d == nil || d.mode == "auto" || d.mode == "" {
		return text
	}
	s := text
	if f, ok := FoldToSimplified(s); ok {
		s = f
	}
	if d.conv != nil {
		s = d.conv.Convert(s)
	}
	return s
}

// withCase gives key the ASCII letter case of surface, rune for rune (the
// two have the same number of runes when surface is the written form of
// key: folding keeps it). A surface of another length is another name for
// the key (an alias of a formulation): the key is shown.
func withCase(key, surface string) string {
	kr, sr := []rune(key), []rune(surface)
	if len(kr) != len(sr) {
		return key
	}
	changed := false
	for i, r := range kr {
		if r >= 'a' && r <= 'z' && sr[i] == r-('a'-'A') {
			kr[i] = sr[i]
			changed = true
		}
	}
	if !changed {
		return key
	}
	return string(kr)
}
