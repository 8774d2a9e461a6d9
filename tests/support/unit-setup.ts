// Unit tests get IndexedDB semantics from fake-indexeddb; device figures are measured in real Chromium instead.
import 'fake-indexeddb/auto'
