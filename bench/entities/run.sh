#!/usr/bin/env bash
# Named entities in policy documents (issue 16), measured in one run and
# written into bench/RESULTS.md (the section between <!-- entities:begin -->
# and <!-- entities:end -->):
#
#   1. the policy-domain gold of bench/entities/gold (DEV and TEST documents
#      of ../shared/corpus, annotated blind): P/R/F1 of PER, ORG and LOC,
#      title attachment, organisations of titles;
#   2. the news gold sets of bench/ner (People's Daily 1998, MSRA), with the
#      news genre (what the recogniser reads news with) and the policy one;
#   3. speed and memory of recognition beside segmentation on the shared
#      corpus: in-process (alternating rounds, medians, bytes allocated per
#      input byte) and whole processes (zhpolicy segment against zhpolicy
#      entities, alternating, median wall time and peak RSS).
#
#   bash bench/entities/run.sh            # from the repository root
#   ROUNDS=5 bash bench/entities/run.sh
#   AB_BASE=main bash bench/entities/run.sh   # and recognition speed against a base commit
#
# Needs Go and /usr/bin/time; skips cleanly when ../shared is absent.
set -euo pipefail
cd "$(dirname "$0")/../.."
SHARED=${ZHPOLICY_SHARED:-../shared}
ROUNDS=${ROUNDS:-5}
if [[ ! -d $SHARED/corpus ]]; then
	echo "bench/entities: $SHARED/corpus not found; skipping" >&2
	exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
NER=$SHARED/bench/ner
PD=$NER/peoples_daily_1998/example.test.spans.jsonl
MSRA=$NER/msra_test/msra_test.spans.jsonl

go build -o "$tmp/zhpolicy" ./cmd/zhpolicy
go build -o "$tmp/entbench" ./bench/entities
go build -o "$tmp/nerbench" ./bench/ner

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

{
	echo "<!-- entities:begin -->"
	echo "Measured $(date -u +%Y-%m-%d) on $(nproc) cores, $(go version | awk '{print $3}'), load average at start: $(cut -d' ' -f1-3 /proc/loadavg)."
	echo "Command: \`bash bench/entities/run.sh\` (ROUNDS=$ROUNDS)."
	echo
	echo "### Policy documents (blind gold of bench/entities/gold)"
	echo
	"$tmp/entbench" -corpus "$SHARED/corpus" bench/entities/gold/dev.txt bench/entities/gold/dev2.txt bench/entities/gold/dev3.txt bench/entities/gold/dev4.txt bench/entities/gold/dev5.txt bench/entities/gold/dev6.txt bench/entities/gold/dev7.txt bench/entities/gold/dev_per.txt bench/entities/gold/test.txt bench/entities/gold/test2.txt bench/entities/gold/test3.txt bench/entities/gold/test4.txt bench/entities/gold/test5.txt bench/entities/gold/test6.txt bench/entities/gold/test7.txt bench/entities/gold/test8.txt bench/entities/gold/test9.txt bench/entities/gold/test10.txt bench/entities/gold/test11.txt bench/entities/gold/test12.txt |
		grep -v -E '^\| (dev_per|test4) \| (ORG|LOC|micro) '
	echo
	# the TEST sets annotated for organisations and places, pooled (micro):
	# the four first, then each later round's set added to the pool before
	cat bench/entities/gold/test.txt bench/entities/gold/test2.txt bench/entities/gold/test3.txt bench/entities/gold/test5.txt >"$tmp/test_pooled.txt"
	pooled() { # name (test_pooled…), the sentence that introduces it
		echo "$2"
		echo
		"$tmp/entbench" -corpus "$SHARED/corpus" "$tmp/$1.txt" | awk 'NF == 0 {done = 1} !done' | grep -E "^\| (gold|---|$1 \| (ORG|LOC)) "
		echo
	}
	pooled test_pooled "Organisations and places over the four TEST sets annotated for them (\`test\`, \`test2\`, \`test3\`, \`test5\`), pooled:"
	prev=test_pooled
	for r in "5 8 test6 five" "6 9 test7 six" "7 10 test8 seven" "8 11 test9 eight" "9 12 test10 nine"; do
		read -r n round set count <<<"$r"
		cat "$tmp/$prev.txt" "bench/entities/gold/$set.txt" >"$tmp/test_pooled$n.txt"
		pooled "test_pooled$n" "With round $round's \`$set\`, the $count TEST sets annotated for them, pooled:"
		prev=test_pooled$n
	done
	cat bench/entities/gold/test11.txt bench/entities/gold/test12.txt >"$tmp/test_national.txt"
	echo "The two blind sets of national documents (round 13: \`test11\`, \`test12\`), pooled:"
	echo
	"$tmp/entbench" -corpus "$SHARED/corpus" "$tmp/test_national.txt" | awk 'NF == 0 {done = 1} !done' | grep -E "^\| (gold|---|test_national \| (PER|ORG|LOC|micro)) "
	echo
	echo "Round 13 (2026-12-06) opened a blind spot: no entity gold had covered the national government work reports (1954–2025), the CPC congress reports or the NPC resolutions. \`test11\`: a rule (\`bench/entities/pick11.py\`, committed b758ca9 before any candidate was opened) took the TEST documents of those kinds by sha256(file name): the first work report of each era (1954, 1983, 2000, 2017), the 19th congress report (lines 1–12 of each long one) and two resolutions (whole); annotated by hand and committed (ef1f788) before the tool ran on them. Round 13 then tuned on DEV only: new DEV gold \`dev6\` (1978 lines 13–30: 毛主席, 周总理, the 四人帮; 1964 lines 199–215: US presidents, the countries of Indochina) and \`dev7\` (the spaced byline of the 20th congress report, three DEV resolutions), and the PER, ORG and LOC lists of the whole corpus, old against new, every change read. The rules, policy genre: figures of the era named without a post listed (江青, 王洪文, 张春桥, 姚文元, 陈伯达, 李立三, 薄一波…), 汪洋 unlisted (汪洋大海); a post before names joined by 、 is each one's (美国总统艾森豪威尔、肯尼迪、约翰逊); a post held in a body is a title (以胡锦涛同志为总书记的党中央); the policy dictionary's one-word 以习近平同志为核心的党中央 read as its words, so 习近平 and 党中央 are found in it; a byline spaced out on its own line is a person (习　近　平); forms counted without a layout's spaces; no name of a particle (高|得|多), of a conjunction and a place's short form (同志和|捷、波两国总理), of a one-character verb, noun and 于 (苏联陈|重兵|于), of a name-shaped thing in a list of things (烤烟、桑蚕茧、猪牛羊肉; the typo 数字李生), nor 拜托 before 说; 南越, 北越, 印度支那 places, 法西斯 none; kinds of groups (阴谋集团, 军事集团, 合法政府, 法西斯党) no bodies. Measured once after the rules were frozen (1c53589), main → round 13: test11 PER P/R/F1 0.857/0.857/0.857 → 0.875/1.000/0.933, ORG 1.000/0.800/0.889 → 1.000/0.933/0.966, LOC 0.500/1.000/0.667 → the same (one place: 东北三省; 大陆 of 全國大陸 counted false), titles 3/3 both. As test11's first 12 lines are headers and openings (7 people, 15 organisation names, 1 place), \`test12\` (rule \`pick11.py -12\`, 8567d25, committed after test11 was measured and before its lines were opened: lines 13–24 of the same five documents; gold 8427277) was measured once with the same frozen rules: PER 0.750/1.000/0.857 → 1.000/1.000/1.000, ORG 1.000/0.875/0.933 → 1.000/1.000/1.000, LOC 0.933/0.933/0.933 both. Pooled (49 names): PER F1 0.857 → 0.952, ORG 0.905 → 0.978, LOC 0.909 → 0.909. Not fully blind, said here: the fix for 桑蚕茧 (a known wrong row the brief named) shows in test12's 1983 stretch, and two test11 resolutions hold 以习近平同志为核心的党中央, which the annotator had read before the rule for it was written from DEV (90 DEV occurrences). Left, seen in test11's errors after measuring (no rule changed): 和省 (国务院和省、市…) as a person, 国民党 missed, 大陆; in test12 中国 read across 五年中|国家 (1983) counted false and 南联盟 missed. The earlier sets test…test10 and dev…dev5 are unchanged to the digit; PD98 0.788, MSRA 0.796."
	echo
	echo "Round 12 (2026-12-06) added \`test10\`, a NEW blind TEST set for organisations, places and people: five TEST notices no entities gold covered — \`central_033\` (non-ferrous metals standards guide), \`central_061\` (the 14th five-year smart-manufacturing plan: the strategies of 美国, 德国, 日本, bilateral standards cooperation 中德、中日、中英), \`central_075\` (connected-vehicle admission guide), \`central_093\` (building materials action plan), \`central_139\` (the 2018 AI industry action plan); \`central_015\` was passed over as 0.33 a DEV notice by 20-character shingles, the five are at most 0.10 — annotated by hand and committed (8ddb5a7) before the tool ran on any of them, measured once by this run after tuning ended. The uncovered TEST notices are technical plans: test10 holds 4 ORG, 4 LOC and no person, so it measures mostly that a tool invents no bodies, places or people there. Round 12 tuned on DEV only (the DEV gold and the ORG/LOC lists of all DEV documents and of the reference corpora, old against new, every change read in its context), on the error kinds round 11 listed for test9, with general rules, policy genre only: a list of relations (中日、中以、中德) gives each pair as one name, never 中 and its partner apart, and a partner right after a 中 that stands alone (中|印尼, 中蒙|俄) is no place; a place the segmenter read across a phrase is none (空天|等 as 天等 before grammar, 空天海地 standing alone, 以东|南亚 read as 东南亚); a kind of government is no body (数字政府, 党和政府; a place before keeps it: 香港特区政府); bare organs in a list of kinds (党委、人大、政协、法院) are the organs of every level; a centre's quarter in brackets belongs to its name (…大数据中心（北方）); a city's one-rune short form after a verb of movement is a place when the document writes the city (来青, 驻青, 在济), not an adjective or a direction (在新的, 在北臺灣); a new area named by its city and its own name is one place (青岛西海岸新区). Not done: a short form the document never gives in brackets (国家局; no DEV document has one). Measured once: test10 ORG P 0.800 R 1.000 F1 0.889, LOC P 0.800 R 1.000 F1 0.889, no person found and none in the gold — the same as the base 8ddb5a7 (the rules did not touch test10; its errors: 车铣复合加工中心, a machine read as a body, and 中华人民共和国 inside a title 《…》 hard-wrapped across lines, which the scorer's title test does not see). Pooled over the nine ORG/LOC TEST sets (823 names): ORG F1 0.843 → 0.847, LOC 0.829 → 0.841. NOT blind: test9 (its error kinds were this round's brief) ORG 0.900 → 0.926, LOC 0.741 → 1.000; test2 LOC 0.815 → 0.823. DEV: dev2 ORG 0.966 → 0.973, dev4 LOC 0.960 → 1.000, the others unchanged. PER unchanged on every set; the 25 reports' PER table is the same. Nothing was tuned after this run."
	echo
	echo "Round 11 (2026-12-06) added \`test9\`, a NEW blind TEST set for organisations, places and people: six TEST notices no entities ORG/LOC gold covered, three ministry and three Shandong — \`central_057\` (the housing ministry's pilot call: an addressee list of kinds, the 兵团's bureau, a 司 and two contact persons), \`central_056\` (the State Council's digital-government guidance: a leading group and an expert committee to be set up), \`central_108\` (the drug administration's plan: 国家局, its information centre, ICH), \`shandong_019\` (some forty provincial 厅/委/局 and branches in the brackets of units in charge), \`shandong_039\`, \`shandong_048\` (Qingdao's thirty city bureaus, districts, parks); five of them were in \`test4\`, which covered their people only, and none is a copy of a DEV notice (20-character shingles, at most 0.05) — annotated by hand and committed (9daa0a0) before the tool ran on any of them, measured once by this run after tuning ended. Round 11 tuned on DEV only: new DEV gold \`dev4\` (\`central_087\`, \`central_160\`, \`shandong_047\`: addressee lists, ministries' full names in signatures, a city's bureaus and districts, a leading group, a committee to be set up; annotated before the tool ran on them) and \`dev5\` (\`shandong_055\`, \`central_079\`, \`central_019\`; annotated from the text after a corpus-level ORG/LOC list of all DEV notices had been glanced at; two foreign names' extent set to the guidelines' full extent after the first score), and the ORG/LOC/PER lists of all 164 DEV documents, old against new, every change read in its context. The rules, policy genre only, general: in a clause opened by 各 and a level (各省、自治区…), a department conjunct with no place or level of its own, or one whose conjuncts back to 各 are levels only, is each province's department, a kind (发展改革委, 新疆生产建设兵团住房和城乡建设厅 of 各省…及…兵团X厅; 县人民政府 of 各区县人民政府); the 兵团 itself, a body after a comma, and lists opened by a kind (各民主党派、工商联) stay; 中心 before a hospital's or school's ending and an ordinal after a level make one name (滨州市中心医院, 市第三中心医院); a brand's first rune cut off as a name (鹏|瑞利医院); a profession before 委员会 (专家|委员会); a level's department the segmenter cut after the level's rune (市民|政局); a leading group led by a level, with its special committee or office (国家制造强国建设领导小组车联网产业发展专委会); a company's legal form or 大学 after two to four nouns closed by a preposition or comma (八方地动科技有限公司, 南方科技大学); institutes' short names an enumeration writes in one-rune abbreviations (北化院、石科院等); a time word after a place as a brand's (山东未来网络研究院), a brand word after a listed body before a bracketed place (百度智能云（济南）智算中心); a one-rune verb between two bodies ends the name (市公安局|报|省公安厅); the kind a system is made of is no body (…数据中心|体系); places cut from words are none (中台 of 数据中台, 欧美 of 欧美同学会, 云和 of 开放云和…, 直属机关, 外省市, 岭南 of 围子岭南麓), and a place with the bare 园区 stays a place (洋县园区 → 洋县). Measured once: test9 ORG P 0.880 R 0.920 F1 0.900 (the base b57c300: 0.889), LOC P 0.667 R 0.833 F1 0.741 (base 0.741), PER 1.000 (7 people, titles right for all 5 with one). test9's errors: LOC false — the halves of bilateral pairs (中日、中以、中德 → 中, 日, 以, 德; OPT as pairs), 天等 of 深海空天等; LOC missed — 青 of 来青/驻青, 青岛西海岸新区; ORG false — kinds (人大, 政协 of 党委、人大、政协…的信息系统; 市政府 of 各区、市政府; 港航物流服务中心), two phrases ending in 政府 (党委报告数字政府, 建立健全数字政府 of 数字政府建设), a centre cut before its bracket (国家健康医疗大数据中心 of …（北方）), 开放式大学 of 开放式大学科技园, 国家局数据中心, 国办 of a file number, and 城阳数据要素产业园 (a park the gold left out of OPT by oversight: with it OPT, ORG P would be 0.890); ORG missed — two bodies to be set up whose field has no place (数字政府建设工作领导小组, 数字政府建设专家委员会: ORG in test9 by its README's choice, OPT in test7/test8's), 国家局 (a short name the document never gives in brackets), ICH's Chinese name, a 司 in a contact line, 省供销合作社, 省演艺集团. Pooled over the eight ORG/LOC TEST sets (815 names): ORG P 0.860 R 0.826 F1 0.843, LOC P 0.825 R 0.832 F1 0.828; over the seven earlier sets ORG 0.819 → 0.830, LOC 0.830 → 0.832. The earlier TEST sets' rises are NOT blind (the brief named their error kinds: addressee lists, a leading group's committee, a hospital cut at 中心, places cut from words): test6 ORG 0.932 → 0.966, test7 ORG 0.831 → 0.842 and LOC 0.824 → 0.840, test8 ORG 0.900 → 0.952, test ORG 0.744 → 0.752, test2 LOC 0.810 → 0.815. DEV: \`dev\` ORG 0.806 → 0.828 and LOC 0.946 → 0.955, \`dev2\` 0.959 → 0.966 and 0.923 → 1.000, \`dev4\` 0.879 → 0.989 and 0.923 → 0.960, \`dev5\` ORG 0.975 → 1.000. PER is unchanged on every set and the 25 reports' PER table is the same; PD98 0.788 and MSRA 0.796 (news genre, floors 0.766 / 0.778). Speed measured under a load of 7 on 2 cores: recognition 1.01× the base's CPU on a provincial report, 1.11× on the short benchmark (ab.sh); entities 3.27× segment's wall time. Nothing was tuned after this run."
	echo
	echo "Round 10 (2026-12-06) added \`test8\`, a NEW blind TEST set for organisations: five TEST notices no entities gold covered — \`central_034\`, \`central_094\`, \`central_095\`, \`central_140\`, \`central_161\` (copies passed over by 8-character shingles: \`central_164\` is 70% \`central_161\`) — annotated by hand and committed (ba4cee0) before the tool ran on any of them, measured once by this run after tuning ended. The uncovered TEST notices left are national technical guidance with few named bodies, so \`test8\` is small (11 ORG, 5 PER, no LOC: it measures mostly that no organisations or places are invented). Round 10 tuned ORG on DEV only: new DEV gold \`dev3\` (\`shandong_042\`, \`shandong_044\`: a city's bureaus in the brackets of responsible units, annotated before the tool ran on them), made-up sentences of the shapes DEV city notices use (pkg/analysis/entities/subunits_test.go), and the ORG lists of all 124 DEV notices and the DEV reports, old against new (one name changes there: 市贸促会 of \`dev3\`). The rules, policy genre only: after a body's own ending (局, 厅, 委, 委员会) its offices run on in the name (市教育局办公室, 市教育局教育装备与信息化中心, X科/室/所/站); the offices of a body named alone in the bracket of responsible units (（责任单位：高教处、教科院）, 市教育局（基教处）) are organisations when every piece of the bracket names a body or office and a government body was named before or in it; a department after 报送/上报/提交/商 and before 联系…; 促会 ends a body's name (市贸促会); schools and hospitals with a level or place head and an ordinal (市第一人民医院, 市实验小学, 青岛第五十八中学), a school's name ending at its ending. Measured once: test8 ORG P 1.000 R 0.818 F1 0.900, PER 1.000, LOC one false (无人区 of a metaphor), the same as the base 0faba15 (no new rule fires on test8; its misses are two national committees whose names the rules do not end: 国家智能制造专家委员会, a leading group's special committee); test7 ORG 0.676 → 0.831, which is NOT a blind number (the brief named test7's ORG errors by kind — a bureau's offices in brackets, 市+field+局 — and the rules address those kinds); the other TEST sets unchanged; pooled over the seven ORG/LOC TEST sets ORG 0.805 → 0.819, LOC 0.830. DEV: \`dev\` and \`dev2\` unchanged, \`dev3\` ORG 0.894 → 0.917; PER unchanged everywhere; PD98 0.787 and MSRA 0.796 (news genre, the floors 0.766 / 0.778), unchanged. Nothing was tuned after this run."
	echo
	echo "Round 9 (2026-12-06) added \`test7\`, a NEW blind TEST set for places (ORG and PER too): six TEST notices no entities gold covered, chosen for their places and checked not to be copies of DEV notices — \`shandong_012\` (Shandong's digital-economy parks), \`shandong_016\` (Qingdao's AI education: districts, county-level cities, the city bureau's 处 and centres in brackets), \`shandong_043\` (a Qingdao park's funding rules: 崂山区 bureaus, a boundary of roads, a river and a hill), \`central_062\` (the national regional strategies), \`central_096\` (forestry; few places, for precision), \`central_008\` (provinces and cities before a cluster's industry) — annotated by hand and committed (4a609fd) before the tool ran on any of them, measured once by this run after tuning ended. Round 9 tuned LOC on DEV only, from the LOC lists of all 164 DEV notices, reports and Taiwan documents, old against new, every change read in its context (the DEV gold has none of the kinds below, so its scores do not move). The rules, policy genre only: 中 beside the one-character short forms of other countries is the relation, not places of its own (中俄 one name, the gold's OPT; 中、俄、德 none; 俄 beside 中 no longer a place alone), other runs unchanged (沪苏浙皖, 台美); a division written right after the one above it joins it (北京市海淀区, 江苏省泰州市); roads are not places (南京路) nor is a place before a road's or bridge's word (三里河|路); a county's short form derived from its full name inside a four-character phrase is none (兴国之器; 人才兴国 between punctuation when the document never writes the place in full); a place that begins a body's name the recogniser did not find whole is part of it (山东省|智能制造专家委员会). Measured once: test7 LOC P 0.913 R 0.750 F1 0.824 and ORG 0.676 — the same as the base 82cbda0 (none of the new rules fires on test7: its LOC errors are misses — 崂山区 before 外, 西海岸新区, the boundary's river and hill, 黄河流域, 南康 — and two false places, 岭南 cut out of 围子岭南麓 and the direction 西南; its ORG errors are the 处 and centres in brackets, 市教育局, a school, and kinds); test6 LOC 0.772 → 0.979, which is NOT a blind number (the brief named test6's LOC false positives by kind and the rules address those kinds); the earlier sets, known: test5 LOC 0.857 → 0.978, test 0.800 → 0.795, test2 and test3 unchanged; pooled over the five earlier TEST sets LOC 0.807 → 0.832, over all six 0.808 → 0.831 (ORG 0.803). DEV LOC 0.946 and 0.923, PD98 0.787 and MSRA 0.796 (news genre, the floors), all unchanged; the news sets read with the policy genre drop (PD98 0.734 → 0.716, MSRA 0.731 → 0.705), as their gold tags a city and its district, and the halves of 中美, apart. Nothing was tuned after this run."
	echo
	echo "Round 8 (2026-12-06) added \`test6\`, a NEW blind TEST set for organisations and places: seven TEST notices no entities gold covered, chosen for their organisations — \`central_109\`, \`central_110\`, \`central_119\`, \`central_130\` (ministries: a department 司 and a national standards committee, a leading group's special committee, a 处 of a ministry's centre) and \`shandong_038\`, \`shandong_041\`, \`shandong_050\` (the provincial 厅/委/局/办 named as responsible, bank and supervision branches, national centres, labs, alliances) — annotated by hand and committed (d385e59) before the tool ran on any of them, measured once by this run after tuning ended. Round 8 tuned ORG on DEV only: \`dev\` and \`dev2\` (new DEV gold: five org-rich DEV notices, \`shandong_053\`, \`central_080\`, \`shandong_022\`, \`central_103\`, \`central_150\`, annotated by reading before the tool ran on them; corrected after the first score to make OPT, as the guidelines say, four names inside zone or project names and one platform), and the ORG lists of all DEV notices and reports, old against new. The rules, general and from evidence in the text: departments written as a level of government, a place of a level, a national or a known body, then a field that may hold 和/与, then a department's or office's ending, standing whole between punctuation or the words of coordination and responsibility (省工业和信息化厅, 江苏省发展和改革委员会, 科学技术部资源配置与管理司, 全国…委员会…分技术委员会, 国家重大技术装备办公室); short forms a document gives a body in brackets ((以下简称)X after the full name, X's runes in the name) name it wherever written; a place in brackets after a body's name is part of it; no organisation cut out of a longer word by the document's own segmentation (X部门 is not X部; 算|力中心), starting at 各 or at a verb's rune; kinds (国家重点实验室, 国家工程研究中心, 全国法院, 教育部重点实验室, 国家行业协会) are no names; 实验室 and 管委 end names. Measured once, by the run above: test6 ORG P 0.902 R 0.965 F1 0.932 (the base df6315f: 0.781), LOC P 0.667 R 0.917 F1 0.772 (unchanged: no LOC rule was touched); pooled over the five ORG/LOC TEST sets (642 gold names) ORG F1 0.815 and LOC 0.807, ORG above the 0.8 target; over the four earlier sets ORG 0.764 → 0.791 (test 0.731 → 0.744, test2 0.813 → 0.859, test3 0.800 → 0.844, test5 0.780 → 0.820). DEV ORG 0.803 → 0.806 (\`dev\`, mostly provincial reports whose misses are companies' short names) and 0.702 → 0.959 (\`dev2\`). PER is unchanged on every set; PD98 0.787 and MSRA 0.796 (floors 0.766 / 0.778). test6's remaining errors: ORG false — kinds in an addressee list (each province's 交通运输厅(局、委), 财政厅(局)), a facility named as a task, 中信 of an address's 中信所; ORG missed — a leading group's special committee (国家制造强国建设领导小组车联网产业发展专委会) and a committee to be set up (山东省智能制造专家委员会, whose 山东省 then counts as a false LOC); LOC false — one-character halves of bilateral pairs (中、俄、德…, OPT in the gold as pairs), 三里河 of a road, 兴国 of 兴国之器, a district not joined to its city (北京市海淀区). Nothing was tuned after this run. Recognition costs 1.08× the base's CPU on a provincial report (ab.sh below); entities takes 2.96× segment's wall time."
	echo
	echo "Round 7 (2026-12-06) added \`test5\`, a NEW blind TEST set for organisations and places (PER too, for completeness): six TEST documents no earlier ORG/LOC gold covered — \`central_142\`, \`central_068\`, \`central_136\`, \`shandong_001\`, \`shandong_030\` and \`2026_海南省\` lines 1–22 (header and the review of 2025) — 31 ORG, 22 LOC, 3 PER, annotated by hand and committed (c4c4747) before the tool ran on them, then measured once by this run; no code or rule changed in round 7, nothing tuned. test5: ORG P 0.821 R 0.742 F1 0.780, LOC P 0.778 R 0.955 F1 0.857; pooled over the four TEST sets annotated for ORG and LOC (561 gold names), ORG F1 0.764 (below the 0.8 target, held back by recall 0.719) and LOC F1 0.809. test5's ORG errors: bodies named by a committee or office word the recogniser does not end a name on (智能网联汽车分标委, 联合国车辆法规协调论坛, 省经济和信息化委, 省数字经济专家咨询委员会, 教师工作司 written alone), long names cut or missed (北京大学口腔医院三亚医院, 海南警察学院, 省人民医院), pieces of a ranking's name (中国大学, 软科世界大学 of 软科中国大学排名), 工信部 from 工信部门 and 力中心 from 算力中心; 人大 of 人大代表 counts as a false ORG here, where \`test3\` had made 人大 OPT (with it OPT, test5 ORG P would be 0.852). LOC errors are one-character halves of bilateral pairs (中、美、德、日、法 of 中美、中德…, OPT in the gold as pairs), 东南 of 东南沿海, and a district written with its city (济宁市任城区) missed."
	echo
	echo "Round 6 (2026-12-06) added \`test4\`, the NEW blind TEST set for people: the 20 TEST documents no earlier entities gold covered that name a person (4 provincial reports, 16 ministry and Shandong notices: governors, contact persons, 习近平), people only, 30 people, annotated and committed (6907b2c, amended once before any run: 唐仁健) before the tool ran on them, measured once here after tuning ended; and more DEV people in \`dev_per\` (6 notices with contact persons, the header people of 12 DEV provincial reports, four Traditional documents; corrected once after the first run where the header search had missed people named in passing). Round 6 tuned on \`dev\` and \`dev_per\` only; \`test\`, \`test2\`, \`test3\` (measured before) were studied for the kinds of their misses, no rule names a person of theirs. In \`test2\`, 連 and 宋 are both PER and OPT in the gold (OPT wins), so they count as missed whatever the tool does. Changed after measuring TEST (said here): the first run of this measurement showed five false people in the PER table of the 25 reports below, all from round 6's rule for lists of people, in reports of \`test\` and \`test3\` (陶寺、丁村等遗迹; 许港、郑焦、郑新等产业带); the rule was narrowed in general terms (a list closed by 等 and a noun for things, or one of two-character items only with no person among them, is not a list of people), DEV unchanged; test4 was 0.906 / 0.967 in the first run as in this one; test3 0.857, test 0.973 PER F1 in both."
	echo
	echo "Five gold sets: \`dev\` (DEV documents, tuned on), \`dev_per\` (round 5: two DEV Traditional documents annotated for people only — transliterated names over ‧, surname + post — tuned on; its ORG and LOC are not annotated, so not shown), \`test\` (the TEST documents of rounds 1–3), \`test2\` (round 4's blind TEST set: 8 documents) and \`test3\` (round 5's NEW blind TEST set: 2005-02-21_9221, a Traditional assembly report and lecture naming officials and foreign figures, and 2026_山西省 — annotated and committed before the tool ran on them, measured once after tuning ended; nothing tuned after). \`test\` and \`test2\` had been measured by earlier rounds and were not looked at in round 5. Rules were tuned on DEV only. Title attachment: the share of the people with a title in the gold whose title the tool gives, among those it found (found) and among all (all, so bounded by PER recall)."
	echo
	if [[ -n ${AB_BASE:-} ]]; then
		# the same gold scored by the recogniser of the base commit, for the
		# change of this round side by side (the gold files of this tree)
		mkdir "$tmp/gbase"
		git archive "$AB_BASE" | tar -x -C "$tmp/gbase"
		(cd "$tmp/gbase" && go build -o "$tmp/entbench-base" ./bench/entities)
		echo "The same gold scored by the recogniser of $AB_BASE ($(git rev-parse --short "$AB_BASE")), F1 per type, base → this tree:"
		echo
		echo "| gold | PER F1 | ORG F1 | LOC F1 |"
		echo "| --- | ---: | ---: | ---: |"
		for g in dev dev2 dev3 dev4 dev5 dev6 dev7 dev_per test test2 test3 test4 test5 test6 test7 test8 test9 test10 test11 test12; do
			b=$("$tmp/entbench-base" -corpus "$SHARED/corpus" "bench/entities/gold/$g.txt" | awk -F'|' '$3 ~ /PER|ORG|LOC/ {gsub(/ /, "", $9); printf "%s ", $9}')
			h=$("$tmp/entbench" -corpus "$SHARED/corpus" "bench/entities/gold/$g.txt" | awk -F'|' '$3 ~ /PER|ORG|LOC/ {gsub(/ /, "", $9); printf "%s ", $9}')
			read -r bp bo bl <<<"$b"
			read -r hp ho hl <<<"$h"
			if [[ $g == dev_per || $g == test4 ]]; then
				echo "| $g | $bp → $hp | – | – |"
			else
				echo "| $g | $bp → $hp | $bo → $ho | $bl → $hl |"
			fi
		done
		echo
	fi
	if [[ -f $PD && -f $MSRA ]]; then
		echo "### News gold sets (bench/ner), both genres"
		echo
		"$tmp/nerbench" -genre news -set "pd98=$PD" -set "msra=$MSRA" | grep -E '^\| (set|---|pd98|msra)' | grep -E 'micro|set|---'
		"$tmp/nerbench" -genre policy -set "pd98 (policy genre)=$PD" -set "msra (policy genre)=$MSRA" | grep -E '^\| (pd98|msra)' | grep micro
		echo
	fi
	echo "### People of the 25 provincial reports"
	echo
	echo "\`zhpolicy entities --corpus --type PER -f markdown ../shared/corpus/provincial_gwr_2026\` (the PER table analyze and report show), every row checked by hand:"
	echo
	"$tmp/zhpolicy" entities --corpus --type PER -f markdown -q "$SHARED/corpus/provincial_gwr_2026"
	echo
	echo "### Speed and memory beside segmentation"
	echo
	"$tmp/entbench" -speed "$ROUNDS" "$SHARED/corpus"
	echo
	# whole processes, alternating
	for i in $(seq "$ROUNDS"); do
		/usr/bin/time -f "%e %M" -o "$tmp/seg.$i" "$tmp/zhpolicy" segment -j 1 -q "$SHARED/corpus" >/dev/null
		/usr/bin/time -f "%e %M" -o "$tmp/ent.$i" "$tmp/zhpolicy" entities -j 1 -q --corpus "$SHARED/corpus" >/dev/null
	done
	sw=$(cat "$tmp"/seg.* | awk '{print $1}' | median)
	sm=$(cat "$tmp"/seg.* | awk '{print $2}' | median)
	ew=$(cat "$tmp"/ent.* | awk '{print $1}' | median)
	em=$(cat "$tmp"/ent.* | awk '{print $2}' | median)
	echo "Whole processes on the shared corpus ($(du -sh "$SHARED/corpus" | cut -f1)), one worker, $ROUNDS alternating rounds, medians:"
	echo
	echo "| command | wall | peak RSS |"
	echo "| --- | ---: | ---: |"
	echo "| zhpolicy segment -j 1 | ${sw} s | $((sm / 1024)) MB |"
	echo "| zhpolicy entities -j 1 --corpus | ${ew} s | $((em / 1024)) MB |"
	echo
	awk -v a="$ew" -v b="$sw" 'BEGIN {printf "entities takes %.2f× the wall time of segment (segmentation included in both).\n", a/b}'
	if [[ -n ${AB_BASE:-} ]]; then
		echo
		echo "### Recognition against $AB_BASE, side by side (bench/entities/ab.sh)"
		echo
		ROUNDS=$ROUNDS bash bench/entities/ab.sh "$AB_BASE"
		echo
		echo "### Cold start against $AB_BASE (bench/entities/coldstart.sh)"
		echo
		if command -v hyperfine >/dev/null; then
			ROUNDS=$ROUNDS bash bench/entities/coldstart.sh "$AB_BASE"
		else
			echo "Not measured in this run: hyperfine is not installed (the last measurement is in the history of this file)."
		fi
		echo
		echo "In-process, \`go test -bench 'BuildTables|LoadTables' ./pkg/analysis/entities/\` (parsing the lists against decoding the snapshot):"
		echo
		echo '```'
		go test -run XXX -bench 'BenchmarkBuildTables|BenchmarkLoadTables' -benchmem -count 3 ./pkg/analysis/entities/ | grep '^Benchmark'
		echo '```'
	fi
	echo "<!-- entities:end -->"
} >"$tmp/section.md"
cat "$tmp/section.md"
python3 bench/internal/splice.py bench/RESULTS.md entities "$tmp/section.md"
