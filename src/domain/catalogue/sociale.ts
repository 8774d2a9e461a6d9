/** Objectives of the social and school services area of the Pisogne PIAO 2023–2025; the PIAO fields are its Italian text verbatim. */
import type { ObjectiveDraft } from './drafts'
import { countIndicator, shareIndicator } from './indicators'

export const SOCIALE_OBJECTIVES: ObjectiveDraft[] = [
  {
    id: 'soc-lavori-pubblica-utilita',
    title: 'offrire un servizio ai cittadini che sono nella necessità di trovare una sede per lo svolgimento di Lavori di Pubblica Utilità; contestualmente destinare risorse operative (ore lavoro), per integrare le prestazioni del settore tutela del patrimonio pubblico e ambientale e del settore servizi alla persona.',
    responsabile: 'Responsabile Area Servizi Sociali, Scolastici, SAP',
    stakeholder: 'Cittadini pisognesi condannati alla pena del lavoro di pubblica utilità o messa alla prova o misure alternative',
    contributors: 'Ufficio servizi sociali in collaborazione con Ufficio tecnico',
    timeframe: 'anno 2023',
    measurement: 'Numero richieste disponibilità/numero presa in carico (valutazione domanda-accettazione-relazioni per tribunale)',
    baselineText: 'Convenzioni con Ministero della Giustizia',
    expectedTarget: 'esecuzione della pena a vantaggio della collettività',
    dataSource: 'atti ufficio Servizi Sociali',
    contributingAreas: ['territorio'],
    // Requests taken in charge out of requests received (quantity/total).
    indicator: shareIndicator({ target: 100, period: 'year', deadline: '2023-12-31', entryKinds: ['count_update'] }),
  },
  {
    id: 'soc-alloggi-sap',
    title: 'Alloggi SAP di nuova assegnazione: stipula contratti locazione con pagamento conseguenti rispettive tasse di registrazione.',
    responsabile: 'Responsabile Area Servizi Sociali, Scolastici, SAP',
    stakeholder: 'Assegnatari alloggi categoria Servizi Abitativi Pubblici',
    contributors: 'Ufficio Servizi Sociali',
    timeframe: 'anno 2023',
    measurement: 'Numero nuove assegnazioni/contratti locazione',
    baselineText: "Assegnazione alloggi a seguito di specifico avviso pubblico d'ambito.",
    expectedTarget: 'Accesso degli aventi diritto nei servizi SAP',
    dataSource: 'atti Ufficio SAP',
    contributingAreas: [],
    // Contracts signed; the target is the number of new assignments, which a manager enters.
    indicator: countIndicator({
      target: null,
      unit: 'contratti di locazione',
      period: 'year',
      deadline: '2023-12-31',
      entryKinds: ['count_update'],
    }),
  },
  {
    id: 'soc-sacchi-incontinenza',
    title: "Consentire alle persone che utilizzano ausili per incontinenza di consegnare detti specifici rifiuti da uno a tre giorni a settimana mediante l'utilizzo di sacchi di raccolta dedicati Gestione servizio distribuzione sacchi per pannolini/pannoloni",
    responsabile: 'Responsabile Area Servizi Sociali,',
    stakeholder: 'Cittadini anziani, disabili e infanti',
    contributors: 'Ufficio Servizi Sociali',
    timeframe: "In continuo per tutto l'anno",
    measurement: 'numero richieste mediante presentazione specifico modulo/richieste soddisfatte',
    baselineText: "disponibilità dell'ufficio mediante apertura di una mattina/settimana per lo specifico servizio",
    expectedTarget: "Contribuire all'efficace raccolta differenziata dei rifiuti mediante gestione servizio distribuzione sacchi per ausili incontinenza",
    dataSource: 'atti ufficio Servizi Sociali',
    contributingAreas: [],
    // Requests satisfied out of requests received (quantity/total).
    indicator: shareIndicator({ target: 100, period: 'continuous', deadline: null, entryKinds: ['count_update'] }),
  },
  {
    id: 'soc-lab-pisogne',
    title: 'realizzazione LAB Pisogne – Laboratori Didattici Educativi.',
    responsabile: 'Responsabile Area Servizi Sociali,',
    stakeholder: "Alunni frequentanti la Scuola secondaria dell'Istituto Comprensivo di Pisogne e studenti residenti a Pisogne e frequentanti il primo e secondo anno delle Scuole Secondarie di Secondo Grado",
    contributors: 'Ufficio Servizi Sociali, Istituto Comprensivo Ten. Corna Pellegrini di Pisogne, Cooperativa Azzurra di Darfo e Fondazione Bresciana.',
    timeframe: 'Marzo-giugno 2023',
    measurement: 'numero richieste accolte/numero alunni ammessi ai laboratori.',
    baselineText: 'raccolta disponibilità soggetti gestori dei laboratory e raccolta iscrizioni ai laboratori',
    expectedTarget: "l'acquisizione di competenze tecniche specifiche, capacità manuali, autonomia nella gestione di aspetti della vita quotidiana e per la sperimentazione di una relazione intergenerazionale e di riqualificazione del territorio.",
    dataSource: 'atti ufficio Servizi Sociali',
    contributingAreas: [],
    // "Marzo-giugno 2023": due by the end of June. Pupils admitted out of requests (quantity/total).
    indicator: shareIndicator({ target: 100, period: 'year', deadline: '2023-06-30', entryKinds: ['count_update'] }),
  },
]
