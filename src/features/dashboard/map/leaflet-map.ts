import L from 'leaflet'
import 'leaflet/dist/leaflet.css'
import { MARKER_COLOURS, type MarkerTone } from './marker-tones'

/**
 * The Leaflet side of the map, loaded only by a dynamic import from EntriesMap.vue so neither
 * the library nor its stylesheet enter the first screen. Tiles come from OpenStreetMap (the CSP
 * allows https://*.tile.openstreetmap.org for images); markers are vector circles, no images.
 */

export interface MapMarker {
  id: string
  lat: number
  lng: number
  /** Plain text (user-typed place included): set with textContent, never parsed as HTML. */
  label: string
  /** The marker's colour (MARKER_COLOURS); the list and the legend say the same in words. */
  tone: MarkerTone
}


export interface MapOptions {
  attribution: string
  /** Called once when tiles fail before any has loaded (no network, blocked, server down). */
  onTilesFailed: () => void
}

/** Pisogne town hall: where the map opens when nothing has a position yet. */
const PISOGNE: L.LatLngTuple = [45.8085, 10.1076]

function tooltipNode(text: string): HTMLElement {
  const node = document.createElement('span')
  node.textContent = text
  return node
}

export function createEntriesMap(element: HTMLElement, markers: MapMarker[], options: MapOptions) {
  const map = L.map(element, { center: PISOGNE, zoom: 13 })
  let anyTileLoaded = false
  let failed = false
  L.tileLayer('https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png', { maxZoom: 19, attribution: options.attribution })
    .on('tileload', () => (anyTileLoaded = true))
    .on('tileerror', () => {
      if (anyTileLoaded || failed) return
      failed = true
      options.onTilesFailed()
    })
    .addTo(map)
  const layer = L.layerGroup().addTo(map)

  function setMarkers(next: MapMarker[]): void {
    layer.clearLayers()
    for (const m of next) {
      L.circleMarker([m.lat, m.lng], { radius: 8, weight: 2, color: MARKER_COLOURS[m.tone], fillOpacity: 0.5 })
        .bindTooltip(tooltipNode(m.label))
        .addTo(layer)
    }
    if (next.length > 0) map.fitBounds(L.latLngBounds(next.map((m): L.LatLngTuple => [m.lat, m.lng])), { padding: [24, 24], maxZoom: 16 })
  }

  setMarkers(markers)
  return { setMarkers, destroy: () => map.remove() }
}

export type EntriesMap = ReturnType<typeof createEntriesMap>
