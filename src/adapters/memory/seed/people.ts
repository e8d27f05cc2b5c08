import type { Agent } from '../../../model/index.js';
import { DEFAULT_ATTACHMENT_LIMITS } from '../../../model/index.js';
import { SEED_IDS } from './seed-ids.js';
import type { CampaignRecord } from './types.js';

const SUPPORT_ES = 'soporte@tiendaandina.pe';
const SUPPORT_EN = 'support@northwind.example';

export const LUCIA: Agent = {
  id: SEED_IDS.agents.agent,
  name: 'Lucía Ramos',
  email: 'lucia.ramos@tiendaandina.pe',
  role: 'agent',
  addresses: ['lucia.ramos@tiendaandina.pe', SUPPORT_ES, SUPPORT_EN],
};

export const MARCO: Agent = {
  id: SEED_IDS.agents.supervisor,
  name: 'Marco Díaz',
  email: 'marco.diaz@tiendaandina.pe',
  role: 'supervisor',
  addresses: ['marco.diaz@tiendaandina.pe', SUPPORT_ES, SUPPORT_EN],
};

export const ANA: Agent = {
  id: SEED_IDS.agents.coordinator,
  name: 'Ana Quispe',
  email: 'ana.quispe@tiendaandina.pe',
  role: 'coordinator',
  addresses: ['ana.quispe@tiendaandina.pe', SUPPORT_ES, SUPPORT_EN],
};

export const AGENTS: readonly Agent[] = [LUCIA, MARCO, ANA];

export const TIENDA_ANDINA: CampaignRecord = {
  id: SEED_IDS.campaigns.es,
  name: 'Tienda Andina',
  fromAddress: { name: 'Soporte Tienda Andina', address: SUPPORT_ES },
  greeting: 'Hola {{contact.first_name|cliente}},',
  signature:
    'Saludos cordiales,\n{{agent.name}}\nEquipo de Soporte · Tienda Andina\nsoporte@tiendaandina.pe · (01) 640-2200',
  undoSendSeconds: 10,
  attachments: DEFAULT_ATTACHMENT_LIMITS,
  chatFallbackToEmail: true,
  requireEmailWhenOffline: true,
  chatWidget: true,
  chatGreeting: '¡Hola! Somos el equipo de Tienda Andina. ¿En qué le podemos ayudar?',
};

export const NORTHWIND: CampaignRecord = {
  id: SEED_IDS.campaigns.en,
  name: 'Northwind Outfitters',
  fromAddress: { name: 'Northwind Outfitters Support', address: SUPPORT_EN },
  greeting: 'Hi {{contact.first_name|there}},',
  signature: 'Best regards,\n{{agent.name}}\nNorthwind Outfitters Customer Care',
  undoSendSeconds: 5,
  attachments: DEFAULT_ATTACHMENT_LIMITS,
  chatFallbackToEmail: false,
  requireEmailWhenOffline: false,
  chatWidget: false,
  chatGreeting: 'Hi! This is the Northwind Outfitters team. How can we help?',
};

export const CAMPAIGNS: readonly CampaignRecord[] = [TIENDA_ANDINA, NORTHWIND];
