import { defineMessages } from '~/i18n/define-messages'

/** The CSV side of the plan import (the JSON side's texts are in messages.ts, key admin.import). */
export default defineMessages(
  {
    planImportCsv: {
      intro: 'Oppure un file CSV (UTF-8, separato da punto e virgola) con una riga per obiettivo: scarica il modello CSV, modificalo con un foglio di calcolo e salvalo come «CSV UTF-8».',
      template: 'Scarica il modello (CSV)',
      row: 'Riga {n}',
    },
  },
  {
    planImportCsv: {
      intro: 'Or a CSV file (UTF-8, semicolon-separated) with one row per objective: download the CSV template, edit it in a spreadsheet and save it as “CSV UTF-8”.',
      template: 'Download the template (CSV)',
      row: 'Row {n}',
    },
  },
)
