import { defineMessages } from '~/i18n/define-messages'

export default defineMessages(
  {
    auth: {
      title: 'Accedi',
      intro: 'Accedi con le credenziali del Comune per inviare le registrazioni.',
      email: 'Email',
      password: 'Password',
      submit: 'Accedi',
      submitting: 'Accesso in corso…',
      signOut: 'Esci',
      signedInAs: 'Accesso eseguito come {name}',
      sessionExpired: 'La sessione è scaduta: accedi di nuovo per inviare le registrazioni.',
      signOutConfirm: 'Vuoi uscire?',
      signOutUnsynced:
        'Hai {n} registrazioni non ancora inviate: restano su questo dispositivo e verranno inviate al tuo prossimo accesso.',
      signOutUnsyncedOne:
        'Hai 1 registrazione non ancora inviata: resta su questo dispositivo e verrà inviata al tuo prossimo accesso.',
      cancel: 'Annulla',
      errors: {
        invalid_credentials: 'Email o password non corrette.',
        offline: 'Serve la rete per il primo accesso. Riprova quando sei connesso.',
        rate_limited: 'Troppi tentativi: attendi qualche minuto e riprova.',
        no_profile: 'Il tuo account non ha ancora un ruolo: chiedi all’amministratore di assegnarlo.',
        not_configured: 'La sincronizzazione non è configurata su questa installazione.',
        server: 'Il server non risponde. Riprova tra poco.',
        unknown: 'Accesso non riuscito. Riprova.',
      },
    },
  },
  {
    auth: {
      title: 'Sign in',
      intro: 'Sign in with your municipality account to send what you log.',
      email: 'Email',
      password: 'Password',
      submit: 'Sign in',
      submitting: 'Signing in…',
      signOut: 'Sign out',
      signedInAs: 'Signed in as {name}',
      sessionExpired: 'Your session has expired: sign in again to send your entries.',
      signOutConfirm: 'Sign out?',
      signOutUnsynced: 'You have {n} entries not sent yet: they stay on this device and will be sent at your next sign-in.',
      signOutUnsyncedOne: 'You have 1 entry not sent yet: it stays on this device and will be sent at your next sign-in.',
      cancel: 'Cancel',
      errors: {
        invalid_credentials: 'Wrong email or password.',
        offline: 'The first sign-in needs the network. Try again when you are connected.',
        rate_limited: 'Too many attempts: wait a few minutes and try again.',
        no_profile: 'Your account has no role yet: ask the administrator to assign one.',
        not_configured: 'Sync is not configured on this installation.',
        server: 'The server is not answering. Try again shortly.',
        unknown: 'Sign-in failed. Please try again.',
      },
    },
  },
)
