// Command annotate prepares and scores the blind annotation of keyword
// lists (bench/keywords/gold/README.md).
//
//	go run ./bench/keywords/annotate -old /tmp/zhpolicy-b3e655c        # writes lists.tsv and pool.tsv
//	go run ./bench/keywords/annotate -round 4 -old /tmp/zhpolicy-8adc0b0 # round 4: the system before is 8adc0b0
//	go run ./bench/keywords/annotate -score                            # counts judgements.tsv per system
//	go run ./bench/keywords/annotate -round 4 -now                     # this tree's lists, counted with round 4's judgements
//
// The documents are TEST documents of the team's split (SPLIT.md).
package main

import (
	"bufio"
	"encoding/csv"
	"flag"
	"fmt"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"

	"zhpolicy/bench/keywords/kwdocs"
	"zhpolicy/pkg/analysis"
	"zhpolicy/pkg/analysis/keywords"
	"zhpolicy/pkg/script"
)

// Rounds are the annotated documents of each round, under
// ../shared/corpus. Round 2 measures, on other TEST documents, the rules
// changed after round 1, round 3 those changed after round 2, against
// gold written before any list was generated (gold3.tsv: an item equal
// to a gold term is useful without a judgement; bench/keywords/gold/README.md).
var Rounds = map[int][]string{1: {
	"provincial_gwr_2026/2026_吉林省.txt", "provincial_gwr_2026/2026_山西省.txt", "provincial_gwr_2026/2026_江苏省.txt",
	"provincial_gwr_2026/2026_河南省.txt", "provincial_gwr_2026/2026_甘肃省.txt", "provincial_gwr_2026/2026_西藏自治区.txt",
	"ministry_provincial_notices/central_010.txt", "ministry_provincial_notices/central_025.txt",
	"ministry_provincial_notices/central_056.txt", "ministry_provincial_notices/central_094.txt",
	"ministry_provincial_notices/shandong_017.txt", "ministry_provincial_notices/shandong_041.txt",
	"taiwan_presidential_office/2010-02-08_14057.txt", "taiwan_presidential_office/2015-07-27_19629.txt",
}, 2: {
	"provincial_gwr_2026/2026_河北省.txt", "provincial_gwr_2026/2026_辽宁省.txt", "provincial_gwr_2026/2026_广东省.txt",
	"provincial_gwr_2026/2026_海南省.txt",
	"ministry_provincial_notices/central_008.txt", "ministry_provincial_notices/central_033.txt",
	"ministry_provincial_notices/central_046.txt", "ministry_provincial_notices/central_083.txt",
	"ministry_provincial_notices/shandong_001.txt", "ministry_provincial_notices/shandong_028.txt",
	"taiwan_presidential_office/2005-02-21_9221.txt", "taiwan_presidential_office/2015-01-29_19215.txt",
}, 3: {
	"ministry_provincial_notices/central_024.txt", "ministry_provincial_notices/central_036.txt",
	"ministry_provincial_notices/central_048.txt", "ministry_provincial_notices/central_068.txt",
	"ministry_provincial_notices/central_093.txt", "ministry_provincial_notices/central_109.txt",
	"ministry_provincial_notices/central_140.txt", "ministry_provincial_notices/shandong_013.txt",
	"ministry_provincial_notices/shandong_039.txt", "taiwan_presidential_office/2005-05-10_9424.txt",
}, 4: {
	"ministry_provincial_notices/central_027.txt", "ministry_provincial_notices/central_028.txt",
	"ministry_provincial_notices/central_057.txt", "ministry_provincial_notices/central_062.txt",
	"ministry_provincial_notices/central_096.txt", "ministry_provincial_notices/central_110.txt",
	"ministry_provincial_notices/shandong_012.txt", "ministry_provincial_notices/shandong_016.txt",
	"ministry_provincial_notices/shandong_030.txt", "ministry_provincial_notices/shandong_031.txt",
}, 5: {
	"ministry_provincial_notices/central_034.txt", "ministry_provincial_notices/central_043.txt",
	"ministry_provincial_notices/central_075.txt", "ministry_provincial_notices/central_090.txt",
	"ministry_provincial_notices/central_095.txt", "ministry_provincial_notices/central_108.txt",
	"ministry_provincial_notices/central_136.txt", "ministry_provincial_notices/shandong_018.txt",
	"ministry_provincial_notices/shandong_019.txt", "ministry_provincial_notices/shandong_050.txt",
}, 6: {
	"ministry_provincial_notices/central_059.txt", "ministry_provincial_notices/central_061.txt",
	"ministry_provincial_notices/central_105.txt", "ministry_provincial_notices/central_119.txt",
	"ministry_provincial_notices/central_139.txt", "ministry_provincial_notices/central_147.txt",
	"ministry_provincial_notices/central_153.txt", "ministry_provincial_notices/central_161.txt",
	"ministry_provincial_notices/shandong_038.txt", "ministry_provincial_notices/shandong_048.txt",
}, 7: {
	"ministry_provincial_notices/central_015.txt", "ministry_provincial_notices/central_038.txt",
	"ministry_provincial_notices/central_041.txt", "ministry_provincial_notices/central_070.txt",
	"ministry_provincial_notices/central_081.txt", "ministry_provincial_notices/central_129.txt",
	"ministry_provincial_notices/central_130.txt", "ministry_provincial_notices/central_142.txt",
	"ministry_provincial_notices/central_164.txt", "ministry_provincial_notices/shandong_043.txt",
}, 8: {
	// held-out DEV (bench/keywords/pick.py 8): every TEST document was used by rounds 1-7
	"ministry_provincial_notices/shandong_024.txt", "ministry_provincial_notices/central_045.txt",
	"ministry_provincial_notices/central_009.txt", "ministry_provincial_notices/central_065.txt",
	"ministry_provincial_notices/central_012.txt", "ministry_provincial_notices/central_072.txt",
	"provincial_gwr_2026/2026_广西壮族自治区.txt", "provincial_gwr_2026/2026_宁夏回族自治区.txt",
	"taiwan_presidential_office/2005-12-01_10046.txt", "taiwan_presidential_office/2010-09-28_14682.txt",
}, 9: {
	// a new held-out DEV set (bench/keywords/pick.py 9: round 8's rule, round 8 now used)
	"ministry_provincial_notices/shandong_009.txt", "ministry_provincial_notices/central_165.txt",
	"ministry_provincial_notices/central_163.txt", "ministry_provincial_notices/central_117.txt",
	"ministry_provincial_notices/central_067.txt", "ministry_provincial_notices/shandong_010.txt",
	"provincial_gwr_2026/2026_内蒙古自治区.txt", "provincial_gwr_2026/2026_新疆维吾尔自治区.txt",
	"taiwan_presidential_office/2005-04-21_9375.txt", "taiwan_presidential_office/2010-12-10_14929.txt",
}, 10: {
	// a new held-out DEV set (bench/keywords/pick.py 10: the same rule, rounds 8 and 9 now used)
	"ministry_provincial_notices/central_035.txt", "ministry_provincial_notices/central_044.txt",
	"ministry_provincial_notices/central_152.txt", "ministry_provincial_notices/central_097.txt",
	"ministry_provincial_notices/central_013.txt", "ministry_provincial_notices/central_055.txt",
	"provincial_gwr_2026/2026_福建省.txt", "provincial_gwr_2026/2026_安徽省.txt",
	"taiwan_presidential_office/2005-03-07_9262.txt", "taiwan_presidential_office/2005-05-23_9468.txt",
}, 11: {
	// a new held-out DEV set (bench/keywords/pick.py 11: the same rule, rounds 8-10 now used;
	// only one provincial report was left)
	"ministry_provincial_notices/shandong_047.txt", "ministry_provincial_notices/shandong_003.txt",
	"ministry_provincial_notices/central_014.txt", "ministry_provincial_notices/central_021.txt",
	"ministry_provincial_notices/central_092.txt", "ministry_provincial_notices/central_101.txt",
	"provincial_gwr_2026/2026_上海市.txt",
	"taiwan_presidential_office/2015-12-03_20015.txt", "taiwan_presidential_office/2015-09-29_19786.txt",
}, 12: {
	// a new held-out DEV set (bench/keywords/pick.py 12: the same rule, rounds 8-11 now used;
	// no provincial report is left)
	"ministry_provincial_notices/central_160.txt", "ministry_provincial_notices/central_051.txt",
	"ministry_provincial_notices/central_029.txt", "ministry_provincial_notices/central_002.txt",
	"ministry_provincial_notices/central_060.txt", "ministry_provincial_notices/central_054.txt",
	"taiwan_presidential_office/2005-05-06_9420.txt", "taiwan_presidential_office/2010-01-01_13950.txt",
}, 13: {
	// a new held-out DEV set (bench/keywords/pick.py 13: the same rule, rounds 8-12 now used)
	"ministry_provincial_notices/central_058.txt", "ministry_provincial_notices/central_158.txt",
	"ministry_provincial_notices/central_076.txt", "ministry_provincial_notices/central_066.txt",
	"ministry_provincial_notices/central_082.txt", "ministry_provincial_notices/central_150.txt",
	"taiwan_presidential_office/2015-08-25_19697.txt", "taiwan_presidential_office/2010-10-28_14792.txt",
}, 14: {
	// a new held-out DEV set (bench/keywords/pick.py 14: the same rule, rounds 8-13 now used)
	"ministry_provincial_notices/shandong_021.txt", "ministry_provincial_notices/shandong_027.txt",
	"ministry_provincial_notices/central_118.txt", "ministry_provincial_notices/central_091.txt",
	"ministry_provincial_notices/central_026.txt", "ministry_provincial_notices/central_166.txt",
	"taiwan_presidential_office/2005-05-13_9435.txt", "taiwan_presidential_office/2015-10-10_19816.txt",
}, 15: {
	// a new held-out DEV set (bench/keywords/pick.py 15: the same rule, rounds 8-14 now used)
	"ministry_provincial_notices/shandong_006.txt", "ministry_provincial_notices/central_039.txt",
	"ministry_provincial_notices/central_084.txt", "ministry_provincial_notices/central_017.txt",
	"ministry_provincial_notices/shandong_046.txt", "ministry_provincial_notices/central_162.txt",
	"taiwan_presidential_office/2015-10-13_19825.txt", "taiwan_presidential_office/2015-11-24_19993.txt",
}, 16: {
	// the national documents no round had judged (bench/keywords/pick_national.py: TEST by
	// the split, sha256 order): work reports of four eras, two congress reports, two NPC
	// resolutions on the work report
	"gwr/1954.txt", "gwr/1983.txt", "gwr/2000.txt", "gwr/2017.txt",
	"cpc_congress/19_决胜全面建成小康社会_夺取新时代中国特色社会主义伟大胜利__.txt",
	"cpc_congress/18_坚定不移沿着中国特色社会主义道路前进_为全面建成小康社会而奋.txt",
	"npc_resolutions/第十四届全国人民代表大会第二次会议关于政府工作报告的决议.txt",
	"npc_resolutions/第十三届全国人民代表大会第五次会议关于政府工作报告的决议.txt",
}, 17: {
	// bench/keywords/round17/picks.tsv: pick.py 17 (held-out DEV notices and Traditional
	// speeches no keyword work had used) and pick_national.py 17 (the next TEST work report,
	// congress report and two NPC resolutions after round 16's)
	"ministry_provincial_notices/central_103.txt", "ministry_provincial_notices/central_074.txt",
	"ministry_provincial_notices/central_019.txt", "ministry_provincial_notices/shandong_044.txt",
	"ministry_provincial_notices/central_006.txt", "ministry_provincial_notices/central_077.txt",
	"taiwan_presidential_office/2015-09-02_19719.txt", "taiwan_presidential_office/2010-04-30_14262.txt",
	"gwr/2015.txt", "cpc_congress/16_全面建设小康社会，开创中国特色社会主义事业新局面__十六大_.txt",
	"npc_resolutions/第十届全国人民代表大会第五次会议关于政府工作报告的决议.txt",
	"npc_resolutions/第十三届全国人民代表大会第三次会议关于政府工作报告的决议.txt",
}, 18: {
	// bench/keywords/round18/picks.tsv: pick_national.py 18, TEST only (the next three NPC
	// resolutions, the last congress report, the second work report of 1998-2012)
	"npc_resolutions/第十二届全国人民代表大会第三次会议关于政府工作报告的决议.txt",
	"npc_resolutions/第十二届全国人民代表大会第一次会议关于政府工作报告的决议.txt",
	"npc_resolutions/第十二届全国人民代表大会第五次会议关于政府工作报告的决议.txt",
	"cpc_congress/15_高举邓小平理论伟大旗帜，把建设有中国特色社会主义事业全面推向.txt",
	"gwr/2009.txt",
}, 19: {
	// bench/keywords/round19/picks.tsv: pick_national.py 19, TEST only (the last two NPC
	// resolutions, the second work report of <= 1978 and of 1979-1997)
	"npc_resolutions/第十四届全国人民代表大会第一次会议关于政府工作报告的决议.txt",
	"npc_resolutions/第十一届全国人民代表大会第四次会议关于政府工作报告的决议.txt",
	"gwr/1959.txt", "gwr/1988.txt",
}, 20: {
	// bench/keywords/round20/picks.tsv: pick.py 20 (held-out DEV notices and Traditional
	// speeches no keyword round had named) and pick_national.py 20 (the next TEST work
	// reports of three eras)
	"ministry_provincial_notices/central_016.txt", "ministry_provincial_notices/shandong_022.txt",
	"ministry_provincial_notices/central_005.txt", "ministry_provincial_notices/central_155.txt",
	"ministry_provincial_notices/central_088.txt", "ministry_provincial_notices/shandong_045.txt",
	"taiwan_presidential_office/2005-05-11_9428.txt", "taiwan_presidential_office/2010-11-09_14839.txt",
	"gwr/1975.txt", "gwr/1987.txt", "gwr/2011.txt", "gwr/2005.txt",
}, 21: {
	// bench/keywords/round21/picks.tsv: pick_national.py 21, TEST only (the last four TEST
	// work reports of three eras)
	"gwr/1956.txt", "gwr/1985.txt", "gwr/2008.txt", "gwr/2003.txt",
}}

// Docs are the documents of the round.
var Docs []string

// file names the files of the round: lists.tsv, pool.tsv, judgements.tsv
// for round 1, lists2.tsv … for round 2.
func file(name string) string {
	if round == 1 {
		return filepath.Join(dir, name+".tsv")
	}
	return filepath.Join(dir, fmt.Sprintf("%s%d.tsv", name, round))
}

var round int

const dir = "bench/keywords/gold"

func main() {
	old := flag.String("old", "", "zhpolicy binary of the system before (commit b3e655c; round 4: 8adc0b0)")
	score := flag.Bool("score", false, "count the judgements")
	now := flag.Bool("now", false, "count this tree's top 10 of the round's documents with the round's judgements (items never judged are listed, not counted)")
	corpus := flag.String("corpus", "../shared/corpus", "the shared corpus")
	flag.IntVar(&round, "round", 1, "annotation round (1 to 21)")
	flag.Parse()
	Docs = Rounds[round]
	if Docs == nil {
		fmt.Fprintln(os.Stderr, "bench/keywords/annotate: -round 1 to 19")
		os.Exit(2)
	}
	var err error
	if *now {
		err = scoreNow(*corpus)
	} else if *score {
		err = scoreAll()
	} else {
		err = prepare(*old, *corpus)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "bench/keywords/annotate:", err)
		os.Exit(1)
	}
}

type item struct{ doc, system, term string }

func prepare(old, corpus string) error {
	if old == "" {
		return fmt.Errorf("-old: the zhpolicy binary of the system before is needed (b3e655c; round 4: 8adc0b0)")
	}
	var lists []item
	opts, err := keywords.Default()
	if err != nil {
		return err
	}
	disp, err := script.NewDisplay("auto")
	if err != nil {
		return err
	}
	for _, d := range Docs {
		path := filepath.Join(corpus, d)
		if !kwdocs.IsTest(path) && round < 8 { // rounds 8 to 15 are held-out DEV; 16 is TEST of the national folders; 17 both
			return fmt.Errorf("%s is not a TEST document", d)
		}
		name := kwdocs.Name(d)
		out, err := exec.Command(old, "keywords", "--top", "10", "--format", "csv", path).Output()
		if err != nil {
			return fmt.Errorf("%s: %v", old, err)
		}
		rows, err := csv.NewReader(strings.NewReader(string(out))).ReadAll()
		if err != nil {
			return err
		}
		// a system that lists names apart (8adc0b0) writes them in a
		// second table of the same CSV, with the name column set: they
		// are not in its top 10 of keywords. A system that keeps names
		// in the ranking (the default since) sets the column on rows of
		// its one table: those are counted.
		nameCol := slices.Index(rows[0], "name")
		apart := nameCol >= 0 && len(rows) > 11
		for _, r := range rows[1:] {
			if apart && r[nameCol] != "" {
				continue
			}
			lists = append(lists, item{name, "before", oneLine(r[2])})
		}
		docs, err := kwdocs.Load([]string{path}, nil)
		if err != nil {
			return err
		}
		t := keywords.Collect(docs[0].In, opts)
		for _, k := range t.Score(opts, 10) {
			lists = append(lists, item{name, "after", oneLine(disp.Show(k.Key, k.Surface))})
		}
	}
	var lb strings.Builder
	lb.WriteString("document\tsystem\trank\titem\n")
	rank := map[string]int{}
	for _, it := range lists {
		rank[it.doc+it.system]++
		fmt.Fprintf(&lb, "%s\t%s\t%d\t%s\n", it.doc, it.system, rank[it.doc+it.system], it.term)
	}
	if err := os.WriteFile(file("lists"), []byte(lb.String()), 0o644); err != nil {
		return err
	}
	// the pool: each document's items once, shuffled, systems hidden;
	// items equal to a gold term (round 3) need no judgement.
	gold, err := readGold()
	if err != nil {
		return err
	}
	var pb strings.Builder
	pb.WriteString("document\titem\n")
	rng := rand.New(rand.NewSource(17))
	for _, d := range Docs {
		name := kwdocs.Name(d)
		var pool []string
		for _, it := range lists {
			if it.doc == name && !slices.Contains(pool, it.term) && !gold[[2]string{name, foldKey(it.term)}] {
				pool = append(pool, it.term)
			}
		}
		rng.Shuffle(len(pool), func(i, j int) { pool[i], pool[j] = pool[j], pool[i] })
		for _, p := range pool {
			fmt.Fprintf(&pb, "%s\t%s\n", name, p)
		}
	}
	return os.WriteFile(file("pool"), []byte(pb.String()), 0o644)
}

// readGold reads the gold terms written before the lists (round 3 on):
// document and folded key; empty for earlier rounds.
func readGold() (map[[2]string]bool, error) {
	gold := map[[2]string]bool{}
	if round < 3 {
		return gold, nil
	}
	rows, err := readTSV(file("gold"))
	if err != nil {
		return nil, err
	}
	for _, r := range rows {
		if len(r) != 2 {
			return nil, fmt.Errorf("%s: bad line %q", file("gold"), strings.Join(r, "\t"))
		}
		gold[[2]string{r[0], foldKey(r[1])}] = true
	}
	return gold, nil
}

// foldKey is the key a term is counted under: Simplified, ASCII lower-cased,
// quotation marks left out.
func foldKey(s string) string {
	s = strings.NewReplacer("“", "", "”", "", "「", "", "」", "", "\"", "").Replace(strings.TrimSpace(s))
	if f, ok := script.FoldToSimplified(s); ok {
		s = f
	}
	return analysis.Key(s)
}

func readTSV(path string) ([][]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out [][]string
	sc := bufio.NewScanner(f)
	first := true
	for sc.Scan() {
		if first {
			first = false
			continue
		}
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		out = append(out, strings.Split(sc.Text(), "\t"))
	}
	return out, sc.Err()
}

func scoreAll() error {
	lists, err := readTSV(file("lists"))
	if err != nil {
		return err
	}
	judged, err := readTSV(file("judgements"))
	if err != nil {
		return err
	}
	label := map[[2]string]string{}
	gold, err := readGold()
	if err != nil {
		return err
	}
	for _, j := range judged {
		if len(j) < 3 || !slices.Contains([]string{"useful", "generic", "fragment"}, j[2]) {
			return fmt.Errorf("judgements.tsv: bad line %q", strings.Join(j, "\t"))
		}
		label[[2]string{j[0], j[1]}] = j[2]
	}
	type counts struct{ useful, generic, fragment, docs, maxGeneric, docsOK int }
	per := map[string]*counts{}
	perDoc := map[[2]string]*counts{}
	for _, l := range lists {
		doc, sys, term := l[0], l[1], l[3]
		lab, ok := label[[2]string{doc, term}]
		if gold[[2]string{doc, foldKey(term)}] {
			lab, ok = "useful", true
		}
		if !ok {
			return fmt.Errorf("no judgement for %s %q", doc, term)
		}
		c := perDoc[[2]string{sys, doc}]
		if c == nil {
			c = &counts{}
			perDoc[[2]string{sys, doc}] = c
		}
		switch lab {
		case "useful":
			c.useful++
		case "generic":
			c.generic++
		case "fragment":
			c.fragment++
		}
	}
	fmt.Println("| document | before: useful / generic / fragment | after: useful / generic / fragment |")
	fmt.Println("| --- | ---: | ---: |")
	for _, d := range Docs {
		name := kwdocs.Name(d)
		row := "| " + name
		for _, sys := range []string{"before", "after"} {
			c := perDoc[[2]string{sys, name}]
			if c == nil {
				c = &counts{}
			}
			row += fmt.Sprintf(" | %d / %d / %d", c.useful, c.generic, c.fragment)
			t := per[sys]
			if t == nil {
				t = &counts{}
				per[sys] = t
			}
			t.useful += c.useful
			t.generic += c.generic
			t.fragment += c.fragment
			t.docs++
			t.maxGeneric = max(t.maxGeneric, c.generic)
			if c.fragment == 0 && c.generic <= 2 {
				t.docsOK++
			}
		}
		fmt.Println(row + " |")
	}
	row := "| **all** (" + fmt.Sprint(len(Docs)) + " documents)"
	for _, sys := range []string{"before", "after"} {
		t := per[sys]
		row += fmt.Sprintf(" | **%d / %d / %d**", t.useful, t.generic, t.fragment)
	}
	fmt.Println(row + " |")
	fmt.Println()
	for _, sys := range []string{"before", "after"} {
		t := per[sys]
		n := float64(t.useful + t.generic + t.fragment)
		fmt.Printf("%s: useful %.0f%%, generic %.0f%% (mean %.1f of 10, at most %d), fragment %.0f%% (mean %.1f of 10); documents meeting the targets (no fragment, ≤ 2 generic): %d of %d\n",
			sys, 100*float64(t.useful)/n, 100*float64(t.generic)/n, float64(t.generic)/float64(t.docs), t.maxGeneric,
			100*float64(t.fragment)/n, float64(t.fragment)/float64(t.docs), t.docsOK, t.docs)
	}
	return nil
}

// scoreNow ranks the round's documents with this tree's defaults and
// counts their top 10 with the round's judgements and gold: a round
// already measured, seen again (not a fresh test). Items no judgement
// covers are listed on stderr and left out of the counts.
func scoreNow(corpus string) error {
	judged, err := readTSV(file("judgements"))
	if err != nil {
		return err
	}
	label := map[[2]string]string{}
	for _, j := range judged {
		if len(j) >= 3 {
			label[[2]string{j[0], foldKey(j[1])}] = j[2]
		}
	}
	gold, err := readGold()
	if err != nil {
		return err
	}
	opts, err := keywords.Default()
	if err != nil {
		return err
	}
	var u, g, f, missing, ok int
	fmt.Println("| document | useful / generic / fragment | not judged |")
	fmt.Println("| --- | ---: | ---: |")
	for _, d := range Docs {
		name := kwdocs.Name(d)
		docs, err := kwdocs.Load([]string{filepath.Join(corpus, d)}, nil)
		if err != nil {
			return err
		}
		t := keywords.Collect(docs[0].In, opts)
		var du, dg, df, dm int
		for _, k := range t.Score(opts, 10) {
			key := foldKey(k.Key)
			lab := label[[2]string{name, key}]
			if gold[[2]string{name, key}] {
				lab = "useful"
			}
			switch lab {
			case "useful":
				du++
			case "generic":
				dg++
			case "fragment":
				df++
			default:
				dm++
				fmt.Fprintf(os.Stderr, "%s\t%s\n", name, k.Surface)
			}
		}
		fmt.Printf("| %s | %d / %d / %d | %d |\n", name, du, dg, df, dm)
		u, g, f, missing = u+du, g+dg, f+df, missing+dm
		if df == 0 && dg <= 2 && dm == 0 {
			ok++
		}
	}
	fmt.Printf("| **all** | **%d / %d / %d** | %d |\n\ndocuments meeting the targets (no fragment, ≤ 2 generic, all judged): %d of %d\n", u, g, f, missing, ok, len(Docs))
	return nil
}

// oneLine writes a term that spans lines (a table's cells, round 20's
// 特色⏎服务对象⏎咨询电话) on one line, its line breaks as spaces, as
// keywords --format tsv does: the files of a round are one item a line.
func oneLine(term string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(term, "\r\n", "\n")), " ")
}
