// Package structure reads the structure of a Chinese official document
// (公文) as GB/T 9704-2012 lays it out: the 版头 (份号, 密级, 紧急程度,
// 发文机关标志, 发文字号, 签发人), the 主体 (标题, 主送机关, 正文 with its heading
// levels, 附件说明, 发文机关署名, 成文日期, 附注, the attachments themselves)
// and the 版记 (抄送机关, 印发机关 and 印发日期), plus every reference to
// another document (citations) and the document's sections as coding
// units.
//
// It is a pipeline stage between text cleaning and the analyzers: Parse
// takes the text of one document (from any input format; the lines of a
// PDF or OFD page are rejoined first, see the layout step) and returns
// values with byte offsets into that text. Missing elements are absent
// (nil or empty), never guessed: a document with no structure gives an
// empty Document. Everything is done by scanners (loops over runes and
// small tables), never regular expressions, so the cost is linear in the
// text and bounded per line.
//
// Metadata (Meta: year, issuer, document type, number) and sections
// (Section) are the values other analyses group their counts by.
package structure

// Field is one element of a document as the document writes it.
type Field struct {
	// Text is the element's text with layout removed: the line breaks of a
	// wrapped paragraph and the spaces a PDF puts between Han and digits
	// are dropped (a space between two ASCII words is kept).
	Text string `json:"text"`
	// Start and End are byte offsets into the parsed text: the element
	// from its first to its last character (End exclusive).
	Start int `json:"start"`
	End   int `json:"end"`
}

// Secrecy is the 密级和保密期限 (绝密★长期, 秘密★1年).
type Secrecy struct {
	Field
	// Level is 绝密, 机密 or 秘密.
	Level string `json:"level"`
	// Term is the 保密期限 after ★ ("1年", "长期"), "" when not given.
	Term string `json:"term,omitempty"`
}

// Number is a document number (发文字号): 国发〔2024〕5号, or one of the
// forms of announcements (国家税务总局公告2023年第1号) and orders (中华人民共和国
// 国务院令 第752号).
type Number struct {
	Field
	// Form is "standard" (机关代字〔年份〕序号号), "announcement" or "order".
	Form string `json:"form"`
	// Code is the 机关代字 (国发, 工信部联规); for an announcement or an order
	// the body that issues it (国家税务总局, 中华人民共和国国务院令).
	Code string `json:"code"`
	// Year is the year in the brackets (0 for an order).
	Year int `json:"year,omitempty"`
	// Seq is the serial number (序号).
	Seq int `json:"seq"`
	// Joint marks a joint issuance (联合行文): a 联 in the code.
	Joint bool `json:"joint,omitempty"`
	// Nonstandard lists what departs from GB/T 9704 in a standard number:
	// "bracket" (not 〔〕), "第" (a 第 before the number), "leading-zero".
	Nonstandard []string `json:"nonstandard,omitempty"`
	// Spans of the parts a fix would change (byte offsets, 0 when absent):
	// the brackets around the year, a 第, leading zeros.
	Open, Close, Di, Zeros Span `json:"-"`
}

// Span is a byte range of the parsed text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Empty reports whether the span holds nothing.
func (s Span) Empty() bool { return s.End <= s.Start }

// Date is a date as the document writes it, normalised.
type Date struct {
	Field
	// ISO is YYYY-MM-DD (YYYY-MM when the day is not given).
	ISO   string `json:"iso"`
	Year  int    `json:"year"`
	Month int    `json:"month"`
	Day   int    `json:"day,omitempty"`
	// Arabic is false when the date is written in Chinese numerals
	// (二〇一二年七月一日), as documents did before GB/T 9704-2012.
	Arabic bool `json:"arabic"`
	// Suffix is a word after the date on its line: 签发, 发布, 印发.
	Suffix string `json:"suffix,omitempty"`
}

// Title is the document's title (标题).
type Title struct {
	Field
	// DocType is the 文种 the title ends with, in its usual short form
	// (通知, 意见, 决定, 批复, 办法, 方案, 规划 …); "" when it ends with none.
	DocType string `json:"doctype,omitempty"`
	// Issuers are the bodies named before 关于 (or before 印发/转发 when the
	// title has no 关于), one per body.
	Issuers []string `json:"issuers,omitempty"`
	// Action is 印发, 转发, 批转 or 颁布 when the title issues or forwards
	// other documents.
	Action string `json:"action,omitempty"`
	// Forwards are the documents the title issues or forwards: 关于印发
	// 《…》的通知 names them in 《》 (or, without 《》, between 印发 and 的).
	Forwards []Forwarded `json:"forwards,omitempty"`
}

// Forwarded is a document a title issues or forwards.
type Forwarded struct {
	Title   string `json:"title"`
	DocType string `json:"doctype,omitempty"`
}

// Heading is one numbered heading of the 正文 or of an attachment.
type Heading struct {
	// Kind is the numbering: "一、", "（一）", "1.", "（1）", "①", or
	// "第N章", "第N节", "第N条", "第N部分".
	Kind string `json:"kind"`
	// Level is the GB/T 9704 level of the kind: 1 for 一、, 2 for （一）,
	// 3 for 1., 4 for （1）; 0 for the other kinds.
	Level int `json:"level"`
	// Depth is the heading's depth in its part's tree (1 at the top).
	Depth int `json:"depth"`
	// Number is the value of the numbering (三 → 3).
	Number int `json:"number"`
	// Marker is the numbering as written (三、, (一), 1．, 第十二条).
	Marker string `json:"marker"`
	// Title is the heading text after the marker, without its closing 。
	// and, for a run-in heading, without the paragraph that follows it.
	// Empty for an article (第N条), whose text is its body.
	Title string `json:"title"`
	// RunIn is true when the paragraph goes on after the heading on the
	// same line (（一）加大专项资金支持。市财政…).
	RunIn bool `json:"run_in"`
	// Parent is the index of the enclosing heading in Document.Headings, -1
	// at the top of a part.
	Parent int `json:"parent"`
	// Part is 0 for the 正文 and n for the n-th attachment.
	Part int `json:"part"`
	// Path is the numbers from the top of the part down to this heading
	// (二（一）3 → [2 1 3]).
	Path []int `json:"path"`
	// Start and End are the heading's marker and title; ParaEnd is the end
	// of its paragraph.
	Start   int `json:"start"`
	End     int `json:"end"`
	ParaEnd int `json:"para_end"`
	// Line is the 1-based line of the text the heading starts on.
	Line int `json:"line"`
	// Nonstandard says how the marker departs from GB/T 9704: "1、"
	// (should be 1.), "一." (should be 一、), "（一）、" (no 、 after a
	// bracket), "(一)" (half-width brackets).
	Nonstandard string `json:"nonstandard,omitempty"`
	// MarkerFix is the marker as GB/T 9704 writes it, when Nonstandard.
	MarkerFix string `json:"-"`
	mk        markerKind
}

// Text is the heading as printed: its marker and title (1.建设高速泛在的通信网络).
func (h Heading) Text() string { return h.Marker + h.Title }

// AttachmentNote is the 附件说明: 附件：1.XXXX 2.XXXX.
type AttachmentNote struct {
	Field
	// Items are the attachments it names, without their numbers.
	Items []NoteItem `json:"items"`
}

// NoteItem is one attachment named in the 附件说明.
type NoteItem struct {
	Field
	// Number is the item's number (0 for a single unnumbered attachment).
	Number int `json:"number"`
}

// Attachment is an attachment itself, after the 主体: its label (附件,
// 附件2), its title, and its text.
type Attachment struct {
	// Label is the attachment's mark as written (附件2), "" for a
	// document that follows the notice issuing it without a mark.
	Label  string `json:"label,omitempty"`
	Number int    `json:"number,omitempty"`
	// Title is the attachment's title, when it has one.
	Title *Field `json:"title,omitempty"`
	// Start and End span the whole attachment.
	Start int `json:"start"`
	End   int `json:"end"`
	// the attachment's paragraphs
	p0, p1 int
}

// Citation is a reference to another document: a title in 《》 (with the
// number that follows it in brackets), a title naming a notice without 《》
// but with its number (国务院关于…的通知（国发〔2017〕35号）), or a number
// alone (根据国发〔2024〕5号文件精神).
type Citation struct {
	Field
	// Title is the cited document's title, without 《》.
	Title string `json:"title,omitempty"`
	// Number is the cited document's number, when given.
	Number *Number `json:"number,omitempty"`
}

// Key is what a citation is counted under: its number when it has one,
// else its title.
func (c Citation) Key() string {
	if c.Number != nil {
		return c.Number.Text
	}
	return c.Title
}

// Document is the structure of one document. Elements a document does
// not have are nil or empty.
type Document struct {
	// 版头
	CopyNumber *Field   `json:"copy_number,omitempty"` // 份号
	Secrecy    *Secrecy `json:"secrecy,omitempty"`     // 密级和保密期限
	Urgency    *Field   `json:"urgency,omitempty"`     // 紧急程度
	IssuerMark *Field   `json:"issuer_mark,omitempty"` // 发文机关标志
	// MarkIssuers are the bodies the 发文机关标志 names (several for a joint
	// document), without 文件.
	MarkIssuers []string `json:"mark_issuers,omitempty"`
	Number      *Number  `json:"number,omitempty"`  // 发文字号
	Signers     []Field  `json:"signers,omitempty"` // 签发人
	// 主体
	Title *Title `json:"title,omitempty"`
	// Dateline is a date under the title (题注: （2024年3月5日…）,
	// 2021年11月), not the 成文日期.
	Dateline   *Date   `json:"dateline,omitempty"`
	Addressees *Field  `json:"addressees,omitempty"` // 主送机关, the whole line without its colon
	Recipients []Field `json:"recipients,omitempty"` // 主送机关, one per group
	// Body spans the 正文, from after the 主送机关 (or the title) to the
	// 附件说明 or the 署名.
	Body           *Span           `json:"body,omitempty"`
	Headings       []Heading       `json:"headings,omitempty"`
	AttachmentNote *AttachmentNote `json:"attachment_note,omitempty"` // 附件说明
	Signatures     []Field         `json:"signatures,omitempty"`      // 发文机关署名, one per body
	Date           *Date           `json:"date,omitempty"`            // 成文日期
	Notes          []Field         `json:"notes,omitempty"`           // 附注
	Attachments    []Attachment    `json:"attachments,omitempty"`
	// 版记
	CC          *Field  `json:"cc,omitempty"`         // 抄送机关, without 抄送： and the final 。
	CCList      []Field `json:"cc_list,omitempty"`    // 抄送机关, one per body
	PrintedBy   *Field  `json:"printed_by,omitempty"` // 印发机关
	PrintedDate *Date   `json:"printed_date,omitempty"`
	// PageNumbers are the page-number lines (— 3 —) of a paginated text.
	PageNumbers []PageNumber `json:"page_numbers,omitempty"`
	Citations   []Citation   `json:"citations,omitempty"`

	// Layout says how the text was read: "lines" when a line is a
	// paragraph, "wrapped" when the lines of a page were rejoined.
	Layout string `json:"layout"`
	// TextLen is the length in bytes of the parsed text.
	TextLen int `json:"text_len"`
}

// PageNumber is a page-number line.
type PageNumber struct {
	Field
	Number int `json:"number"`
	// Standard is true for the GB/T 9704 form: the number between two
	// 一字线 (— 3 —).
	Standard bool `json:"standard"`
}

// Empty reports whether the document has no structure at all: no element,
// no heading, no citation.
func (d *Document) Empty() bool {
	return d.CopyNumber == nil && d.Secrecy == nil && d.Urgency == nil && d.IssuerMark == nil && len(d.MarkIssuers) == 0 &&
		d.Number == nil && len(d.Signers) == 0 && d.Title == nil && d.Dateline == nil &&
		d.Addressees == nil && len(d.Headings) == 0 && d.AttachmentNote == nil &&
		len(d.Signatures) == 0 && d.Date == nil && len(d.Notes) == 0 && len(d.Attachments) == 0 &&
		d.CC == nil && d.PrintedBy == nil && d.PrintedDate == nil && len(d.PageNumbers) == 0 &&
		len(d.Citations) == 0
}
