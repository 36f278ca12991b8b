package normalize_test

import (
	"fmt"
	"strings"

	"zhpolicy/pkg/normalize"
)

// The corpus-level pass: count the lines of every document (in any order, on any number of
// workers or machines), merge the counts, freeze the repeated lines, and clean every document
// again with them.
func ExampleLineCounts() {
	var docs []string
	for i := range 5 {
		docs = append(docs, "走进本省 | 省情概况 | 政务动态\n"+
			fmt.Sprintf("关于第%d批重点项目的通知\n各市人民政府：\n现将第%d批重点项目名单印发给你们，请认真组织实施，确保项目按期建成投产。\n", i+1, i+1)+
			"本网站支持IPv6访问\n")
	}
	opts := normalize.DefaultOptions()

	// Pass 1: one LineCounts per worker, merged.
	a, b := normalize.NewLineCounts(opts), normalize.NewLineCounts(opts)
	for i, d := range docs {
		w := a
		if i%2 == 1 {
			w = b
		}
		if err := w.Add(normalize.Clean(d, opts)); err != nil {
			panic(err)
		}
	}
	if err := a.Merge(b); err != nil {
		panic(err)
	}

	// Pass 2: clean with the repeated lines.
	opts.Repeated = a.Repeated(normalize.DefaultRepeat())
	r := normalize.Clean(docs[0], opts)
	fmt.Print(r.Text)
	for _, c := range r.Changes {
		if c.Kind == normalize.ChangeBoilerplate {
			fmt.Printf("removed (%s): %s\n", c.Reason, strings.TrimSpace(c.Old))
		}
	}
	// Output:
	// 关于第1批重点项目的通知
	// 各市人民政府：
	// 现将第1批重点项目名单印发给你们，请认真组织实施，确保项目按期建成投产。
	// removed (repeated across documents): 走进本省 | 省情概况 | 政务动态
	// removed (repeated across documents): 本网站支持IPv6访问
}
