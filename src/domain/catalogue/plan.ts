import type { Plan } from '../objective'

export const PISOGNE_PLAN: Plan = {
  id: 'pisogne-2023-2025',
  title: 'Piano integrato di attività e organizzazione (PIAO) 2023–2025',
  municipality: 'Comune di Pisogne',
  startYear: 2023,
  endYear: 2025,
  approvedBy: 'Delibera Giunta Comunale n. 50 del 15.03.2023',
}
