import type { plansIt } from './plan-messages-it'

export const plansEn: typeof plansIt = {
  plans: {
    picker: 'Plan',
    year: 'Year',
    demo: 'Demo plan',
    demoNote: 'Demo plan bundled with the app: data stays on this device.',
    status: { draft: 'draft', adopted: 'in force', superseded: 'superseded' },
    option: '{title} ({status})',
    inForce: 'In force from {from}',
    inForceUntil: 'In force from {from} to {until}',
    municipality: '{name} (ISTAT code {istat})',
    needsSync: 'A sync is needed to download the plan: connect to the network and sign in.',
    noPlan: 'No plan adopted yet: ask the administrator to adopt one.',
    noneInForceToday: 'No plan is in force today ({day}): nothing can be logged.',
    noObjectiveToday: 'The plan in force today has no objective for this entry.',
    earlier: { title: 'The earlier years of this line', caption: '{title}, in the plan {plan}', year: 'Year', figure: 'Figure', status: 'Status' },
  },
}
