import { describeStack, exitWithMessage, stopOnSignal } from './describe-stack'
import { postgresInstalled } from './pg-tools'
import { startPersistentStack } from './persistent-stack'

// `npm run backend`: the persistent local Supabase stand-in; data survives restarts.
if (!postgresInstalled()) {
  console.error('PostgreSQL 15 is not installed. Install it with: sudo apt-get install -y postgresql-15')
  process.exit(1)
}
const stack = await startPersistentStack().catch(exitWithMessage)
stopOnSignal(stack.stop)
console.log(await describeStack(stack))
console.log('\nCtrl-C stops the gateway and the database; the next run starts on the same data.')
