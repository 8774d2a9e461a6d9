import { fileURLToPath } from 'node:url'
import { serveApp } from './serve-app'

const root = fileURLToPath(new URL('../..', import.meta.url))
const port = Number(process.env.PORT ?? 4173)

const app = await serveApp({ dir: `${root}/dist`, port, host: '127.0.0.1' })
console.log(`SulCampo is served at ${app.url}`)
const stop = async () => {
  await app.close()
  process.exit(0)
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
