/** Cross-cutting objectives of the Pisogne PIAO 2023–2025; the PIAO fields are its Italian text verbatim. */
import { allOfficesExcept } from './areas'
import type { ObjectiveDraft } from './drafts'
import { countIndicator, managerBaseline, milestoneIndicator, noFindingsIndicator } from './indicators'

export const TRASVERSALI_OBJECTIVES: ObjectiveDraft[] = [
  {
    id: 'tr-competenze-digitali',
    title: 'Aumento delle competenze digitali (corso interno organizzato in collaborazione con l’Università degli Studi di Brescia e formazione mediante adesione al Progetto Syllabus “Competenze digitali per la PA” del Dipartimento della Funzione Pubblica)',
    responsabile: 'RTD, tutti i responsabili di servizio PPO',
    stakeholder: 'Tutti i dipendenti',
    contributors: 'tutti gli uffici',
    timeframe: 'entro anno 2023',
    measurement: 'Superamento test e verifica',
    baselineText: 'Rilevazione bisogni formative ed individuazione dei dipendenti',
    expectedTarget: 'Favorire la crescita delle competenze digitali dei dipendenti volti all’acquisizione di un livello minimo ..... sia al fine di permettere l’uso degli strumenti digitali in fase di implementazione da parte dell’Ente sia al fine di facilitare e diffonderne l’utilizzo alla cittadinanza',
    dataSource: 'Verifica della partecipazione e superamento dei test previsti',
    contributingAreas: allOfficesExcept('trasversali'),
    // The steps are the course, the Syllabus enrolment and the tests passed; the PIAO sets no share of staff.
    indicator: milestoneIndicator({ period: 'year', deadline: '2023-12-31' }),
  },
  {
    id: 'tr-digitalizzazione-processi',
    title: "Promozione della digitalizzazione e semplificazione dei processi mediante: - definizione di moduli online standardizzati e semplificati per l’accesso telematico alle procedure, facilitando e accompagnando i cittadini nell’accesso ai servizi; - semplificazione e reingegnerizzazione dei processi in funzione della relativa gestione telematica anche con finalità di riduzione di rischi legati a eccessiva discrezionalità, all’eliminazione di sacche di inefficienza e/o rallentamenti per passaggi procedurali non dovuti; - agevolazione di pagamenti on line al fine di dare un miglior servizio all'utenza nonché per ridurre il rischio derivante dal maneggio di denaro; - individuazione e formazione di facilitatori digitali (anche mediante adesione al servizio civile digitale)",
    responsabile: 'RTD , tutti i responsabili di servizio titolari di PO',
    stakeholder: 'Cittadinanza',
    contributors: 'RTD, tutti gli uffici',
    timeframe: "tutto l'anno 2023",
    measurement: "Verifica dell'incremento del numero delle pratiche telematiche presentate, dei pagamenti tramite PAGO PA, degli accessi tramite SPID/CIE, degli accessi degli utenti tramite Piattaforme ministeriali, eccc...",
    baselineText: 'Piano Triennale di Prevenzione della Corruzione',
    expectedTarget: "Aumentare l'utilizzo dei servizi telematici da parte degli utenti.",
    dataSource: "Atti d'ufficio",
    contributingAreas: allOfficesExcept('trasversali'),
    // "Verifica dell'incremento" names no figure: the office enters the 2022 count and a manager sets the target.
    indicator: countIndicator({
      target: null,
      unit: 'pratiche e pagamenti telematici',
      period: 'year',
      deadline: '2023-12-31',
      baseline: managerBaseline(2022),
      entryKinds: ['count_update'],
    }),
  },
  {
    id: 'tr-amministrazione-trasparente',
    title: 'Aggiornamento in continuo della sezione "Amministrazione Trasparente" sul sito istituzionale, mediante la pubblicazione delle informazioni, dei dati e dei documenti relativi ai singoli obblighi di pubblicazione previsti dalle disposizioni normative, con implementazione dei flussi automatici creati mediante I gestionali in uso presso gli uffici',
    responsabile: 'Tutti i Responsabili di servizio, ciascuno per i dati relativi al settore di competenza',
    stakeholder: 'Cittadinanza',
    contributors: 'Tutte le unità organizzative',
    timeframe: "E' attività da svolgere in continuo e con tempestività",
    measurement: "Assenza di criticità nelle verifiche svolte dall'organo di controllo",
    baselineText: 'Piano Triennale di Prevenzione della Corruzione',
    expectedTarget: "Trasparenza dell'attività amministrativa",
    dataSource: 'Sito istituzionale _ https://www.comune.pisogne.bs.it/Pages/amministrazione_trasparente_v3_0/',
    contributingAreas: allOfficesExcept('trasversali'),
    indicator: noFindingsIndicator(),
  },
  {
    id: 'tr-checklist-anticorruzione',
    title: 'Utilizzo delle check list per la verifica delle procedure non ad evidenza pubblica (allegato al Piano Nazionale Anticorruzione approvato il 17 gennaio 2023)',
    responsabile: 'Tutti i Responsabili di servizio, ciascuno per le procedure di propria competenza',
    stakeholder: 'Cittadinanza',
    contributors: 'Tutte le unità organizzative',
    timeframe: "E' attività da svolgere in continuo e con tempestività",
    measurement: "Assenza di criticità nelle verifiche svolte dall'organo di controllo e dal RPCT",
    baselineText: 'Piano Triennale di Prevenzione della Corruzione',
    expectedTarget: "Annullare i rischi di fenomeni corruttivi e gestione delle procedure in conformità alle norme e ai principi generali dell'ordinamento nazionale e comunitario. Trasparenza dell'attività amministrativa .",
    dataSource: "Atti d'ufficio",
    contributingAreas: allOfficesExcept('trasversali'),
    indicator: noFindingsIndicator(),
  },
]
