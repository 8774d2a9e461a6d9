import { defineMessages } from '~/i18n/define-messages'
import type { ValidationCode } from './codes'

type CodeMessages = Record<ValidationCode, string>

/** Translations of the validation codes, shown next to the field that failed. */
export default defineMessages<{ validation: CodeMessages }>(
  {
    validation: {
      required: 'Campo obbligatorio',
      too_long: 'Testo troppo lungo',
      not_a_number: 'Inserisci un numero',
      not_integer: 'Inserisci un numero intero',
      negative: 'Il valore non può essere negativo',
      invalid_time: 'Data e ora non valide',
      invalid_date: 'Data non valida',
      end_before_start: 'La fine deve essere dopo l’inizio',
      outside_evening_window: 'Il turno serale deve stare tra le 18:00 e le 24:00',
      invalid_choice: 'Scegli una delle opzioni',
      invalid_location: 'Posizione non valida',
      total_below_quantity: 'Il totale non può essere minore della quantità',
      findings_required: 'Descrivi i rilievi emersi',
      invalid_entry: 'Dati non validi',
    },
  },
  {
    validation: {
      required: 'Required field',
      too_long: 'Text too long',
      not_a_number: 'Enter a number',
      not_integer: 'Enter a whole number',
      negative: 'The value cannot be negative',
      invalid_time: 'Invalid date and time',
      invalid_date: 'Invalid date',
      end_before_start: 'The end must come after the start',
      outside_evening_window: 'An evening shift must fall between 18:00 and 24:00',
      invalid_choice: 'Pick one of the options',
      invalid_location: 'Invalid position',
      total_below_quantity: 'The total cannot be less than the quantity',
      findings_required: 'Describe the findings',
      invalid_entry: 'Invalid data',
    },
  },
)
