import { defineMessages } from '~/i18n/define-messages'

export default defineMessages(
  {
    handover: {
      title: 'Lavoro non inviato',
      intro: 'Se questo dispositivo non riesce a sincronizzare, esporta il lavoro non inviato in un file e consegnalo all’ufficio, oppure importalo tu stesso da un altro dispositivo. Ogni modifica viene applicata una sola volta, anche se il file viene importato più volte.',
      export: 'Esporta il lavoro non inviato',
      exported: 'File scaricato. Modifiche: {mutations}; foto: {photos}; contatti di segnalanti: {contacts} (dati personali: consegnalo solo all’ufficio).',
      import: 'Importa un file di lavoro non inviato',
      importing: 'Importazione in corso…',
      outcome: 'File applicato. Modifiche sul server: {applied}; superate: {conflicts}; rifiutate: {rejected}. Foto salvate: {photosStored}; rifiutate: {photosRefused}. Contatti di segnalanti salvati: {contactsStored}; rifiutati: {contactsRefused}.',
      problems: {
        not_a_handover: 'Questo file non è un file di lavoro non inviato di SulCampo. Non è stato importato nulla.',
        unsupported_version: 'Il file viene da una versione dell’app che questa non conosce. Non è stato importato nulla.',
        malformed: 'Il file è incompleto o danneggiato. Non è stato importato nulla.',
        checksum_mismatch: 'Il file è stato modificato dopo l’esportazione (il codice di controllo non corrisponde). Non è stato importato nulla.',
        foreign_work: 'Il file contiene modifiche di un utente diverso da quello indicato. Non è stato importato nulla.',
        forbidden: 'Solo l’autore del lavoro o un amministratore può importare questo file. Non è stato importato nulla.',
        offline: 'Serve la rete per importare il file: riprova quando sei in linea.',
        failed: 'Importazione non riuscita: riprova. Le modifiche già applicate non verranno duplicate.',
      },
    },
  },
  {
    handover: {
      title: 'Unsent work',
      intro: 'If this device cannot sync, export its unsent work to a file and hand it to the office, or import it yourself on another device. Each change is applied once only, even if the file is imported more than once.',
      export: 'Export unsent work',
      exported: 'File downloaded. Changes: {mutations}; photos: {photos}; reporters’ contacts: {contacts} (personal data: hand it to the office only).',
      import: 'Import an unsent-work file',
      importing: 'Importing…',
      outcome: 'File applied. Changes on the server: {applied}; superseded: {conflicts}; refused: {rejected}. Photos stored: {photosStored}; refused: {photosRefused}. Reporters’ contacts stored: {contactsStored}; refused: {contactsRefused}.',
      problems: {
        not_a_handover: 'This is not a SulCampo unsent-work file. Nothing was imported.',
        unsupported_version: 'The file comes from an app version this one does not know. Nothing was imported.',
        malformed: 'The file is incomplete or damaged. Nothing was imported.',
        checksum_mismatch: 'The file was changed after it was exported (its checksum does not match). Nothing was imported.',
        foreign_work: 'The file holds changes of another user than the one it names. Nothing was imported.',
        forbidden: 'Only the author of the work or an admin may import this file. Nothing was imported.',
        offline: 'Importing needs the network: try again when online.',
        failed: 'The import failed: try again. Changes already applied will not be duplicated.',
      },
    },
  },
)
