// Unit tests and the integration tests' simulated devices get IndexedDB semantics from fake-indexeddb,
// installed before any module loads Dexie (Dexie takes the global indexedDB when it loads);
// device figures are measured in real Chromium instead.
import 'fake-indexeddb/auto'
