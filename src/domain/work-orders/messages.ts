import { defineMessages } from '~/i18n/define-messages'
import type { WorkOrderCode } from './codes'

type CodeMessages = Record<WorkOrderCode, string>

/** Why a work-order action was refused; nothing was changed. */
export default defineMessages<{ workOrderProblem: CodeMessages }>(
  {
    workOrderProblem: {
      not_manager: 'Solo un responsabile dell’area può farlo',
      not_assignee: 'Questa segnalazione non è assegnata a te',
      assignee_required: 'Scegli almeno una persona a cui assegnarla',
      assignee_outside_area: 'Puoi assegnarla solo a chi lavora nell’area',
      order_closed: 'La segnalazione è già risolta o respinta',
      reason_required: 'Indica il motivo',
      invalid_reason: 'Scegli uno dei motivi',
      original_required: 'Indica la segnalazione originale',
      duplicate_of_itself: 'Una segnalazione non può essere il doppione di se stessa',
      invalid_priority: 'Scegli una delle priorità',
      invalid_date: 'Data non valida',
      due_before_report: 'La scadenza non può essere prima della segnalazione',
      resolved_before_report: 'La risoluzione non può essere prima della segnalazione',
      note_required: 'Scrivi una nota sul lavoro fatto',
      too_long: 'Testo troppo lungo',
      contact_required: 'Indica un nome, un telefono o un’e-mail',
    },
  },
  {
    workOrderProblem: {
      not_manager: 'Only a manager of the area can do this',
      not_assignee: 'This report is not assigned to you',
      assignee_required: 'Pick at least one person to assign it to',
      assignee_outside_area: 'You can only assign it to people who work in the area',
      order_closed: 'The report is already resolved or declined',
      reason_required: 'Give the reason',
      invalid_reason: 'Pick one of the reasons',
      original_required: 'Name the original report',
      duplicate_of_itself: 'A report cannot be a duplicate of itself',
      invalid_priority: 'Pick one of the priorities',
      invalid_date: 'Invalid date',
      due_before_report: 'The due date cannot be before the report',
      resolved_before_report: 'The resolution cannot be before the report',
      note_required: 'Write a note on the work done',
      too_long: 'Text too long',
      contact_required: 'Give a name, a phone number or an e-mail address',
    },
  },
)
