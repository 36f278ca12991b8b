package input

func extractXLSX(z *zipDoc) (*extracted, error) {
	return nil, newError(z.name, ErrUnsupported, nil, "todo")
}
func extractRTF(name string, raw []byte, b *budget) (*extracted, error) {
	return nil, newError(name, ErrUnsupported, nil, "todo")
}
