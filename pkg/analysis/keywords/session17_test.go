package keywords

import (
	"slices"
	"strings"
	"testing"

	"zhpolicy/pkg/script"
)

// 高水平 is an adjective of degree (高水平开放, 高水平建设) that gse tags
// as a person's name (nr): in 24 of the 25 provincial reports and 29th in
// their corpus chart (kw17). Like 全面 or 重大 it is never a keyword, nor
// the first word of a key phrase.
func TestAdjectiveOfDegreeTaggedAsNameIsNoKeyword(t *testing.T) {
	spec := "推进/v 高水平/nr 开放/v 。/w 建设/v 高水平/nr 人才/n 高地/n 。/w 实现/v 高水平/nr 科技/n 自立自强/l 。/w " +
		"打造/v 高水平/nr 大学/n 。/w 发展/v 集成电路/n 产业/n 。/w 集成电路/n 设计/vn 。/w"
	kws := keys(Extract(doc(t, script.Simplified, long(spec)), Options{}, 0))
	for _, k := range kws {
		if strings.HasPrefix(k, "高水平") {
			t.Errorf("%s is a keyword: %v", k, kws)
		}
	}
	if !slices.Contains(kws, "集成电路") {
		t.Errorf("集成电路 is not a keyword: %v", kws)
	}
}
