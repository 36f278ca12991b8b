package input

import (
	"bufio"
	"encoding/xml"
	"fmt"
	"io"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/transform"
)

// newXMLDecoder returns an XML decoder for a document part: a UTF-8 BOM
// before "<?xml" is skipped, and parts that declare GB18030/GBK/GB2312,
// or Big5 are decoded.
func newXMLDecoder(r io.Reader) *xml.Decoder {
	br := bufio.NewReader(r)
	if b, err := br.Peek(3); err == nil && string(b) == bomUTF8 {
		br.Discard(3)
	}
	d := xml.NewDecoder(br)
	d.CharsetReader = xmlCharset
	return d
}

func xmlCharset(label string, in io.Reader) (io.Reader, error) {
	k, ok := parseKind(label)
	if !ok {
		return nil, fmt.Errorf("unsupported XML encoding %q", label)
	}
	switch k {
	case kGB18030:
		return transform.NewReader(in, simplifiedchinese.GB18030.NewDecoder()), nil
	case kBig5:
		return transform.NewReader(in, traditionalchinese.Big5.NewDecoder()), nil
	}
	return in, nil // UTF-8, and UTF-16 labels on a part that was read as ASCII
}
