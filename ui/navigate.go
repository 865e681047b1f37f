package ui

// backToList moves the focus from the reader or the sidebar to the list, as
// esc, h and q do in newsboat's article view, and reports whether it moved.
// On a narrow terminal this is the way back from a full-screen reader.
func (m *Model) backToList() bool {
	if m.focus == FocusList {
		return false
	}
	m.setFocus(FocusList)
	return true
}
