import type { EmailAddress } from '../../../model/index.js';
import { ago, buildCases, type BuiltCases } from './builders.js';
import { PHOTO_JPEG, seedAttachment } from './files.js';
import { LUCIA, MARCO, NORTHWIND } from './people.js';
import { SEED_IDS } from './seed-ids.js';

/**
 * English cases of Northwind Outfitters: a long CC list, an unread order question, a chat with a
 * known visitor (this campaign does not answer chats by email), completed cases, Gmail-style
 * English quotes.
 */

const sign = (agent: { name: string }) =>
  `Best regards,\n${agent.name}\nNorthwind Outfitters Customer Care`;

const CLUB: EmailAddress[] = [
  { name: 'Amanda Lee', address: 'amanda.lee@lakesiderunning.example' },
  { name: 'Chris Patel', address: 'chris.patel@lakesiderunning.example' },
  { name: 'Jordan Kim', address: 'jordan.kim@lakesiderunning.example' },
  { name: "Megan O'Brien", address: 'megan.obrien@lakesiderunning.example' },
  { name: 'Sam Whitaker', address: 'sam.whitaker@lakesiderunning.example' },
  { name: 'Nina Alvarez', address: 'nina.alvarez@gmail.com' },
  { name: 'Lakeside Treasurer', address: 'treasurer@lakesiderunning.example' },
  { name: 'Coach Mike Harlow', address: 'coach.mike@lakesiderunning.example' },
];

export function englishCases(anchor: number): BuiltCases {
  return buildCases(anchor, 'en', NORTHWIND, LUCIA, [
    {
      id: SEED_IDS.english.conversationId,
      number: 6610,
      subject: 'Bulk order for Lakeside Running Club (40 jackets)',
      contact: {
        id: SEED_IDS.english.contactId,
        name: 'Daniel Brooks',
        emails: [SEED_IDS.english.address],
        phone: '+1 312 555 0148',
      },
      interactions: [
        {
          channel: 'email',
          messages: [
            {
              dir: 'in',
              at: ago(2, 1, 0),
              cc: CLUB,
              text: 'Hello,\n\nLakeside Running Club would like to order 40 Ridge Windbreaker jackets (mixed sizes) with our logo printed on the back. Could you send a quote and the lead time? I have copied the committee.\n\nThanks,\nDaniel Brooks\nClub President',
            },
            {
              dir: 'out',
              at: ago(1, 22, 30),
              cc: CLUB,
              text: `Hi Daniel,\n\nThank you for thinking of us! For 40 Ridge Windbreakers with a one-colour back print, the price is $38.50 per jacket (15% team discount included). Lead time is 3 weeks from artwork approval.\n\nPlease send the size breakdown and a vector version of the logo.\n\n${sign(LUCIA)}`,
            },
            {
              dir: 'in',
              at: ago(0, 20, 10),
              from: CLUB[6],
              cc: [
                { name: 'Daniel Brooks', address: SEED_IDS.english.address },
                ...CLUB.filter((p) => p !== CLUB[6]),
              ],
              quote: true,
              text: 'Hi,\n\nTreasurer here. Can we pay 50% upfront and the rest on delivery? Also, do you issue a W-9 for our records?\n\nBest,\nLakeside Treasurer',
            },
          ],
        },
      ],
    },
    {
      number: 6611,
      subject: 'Where is my order NW-20931?',
      read: false,
      contact: {
        id: 'ct-sarah-mitchell',
        name: 'Sarah Mitchell',
        emails: ['sarah.mitchell@gmail.com'],
      },
      interactions: [
        {
          channel: 'email',
          messages: [
            {
              dir: 'in',
              at: ago(0, 0, 40),
              text: 'Hi there,\n\nI ordered the Alpine Shell jacket (order NW-20931) ten days ago and the tracking page has not updated since it left the warehouse. Could you check on it?\n\nThanks,\nSarah',
            },
          ],
        },
      ],
    },
    {
      id: SEED_IDS.englishChat.conversationId,
      number: 6612,
      subject: '',
      read: false,
      contact: {
        id: SEED_IDS.englishChat.contactId,
        name: 'Emily Carter',
        emails: ['emily.carter@example.com'],
        source: 'visitor',
      },
      visitor: {
        id: SEED_IDS.englishChat.visitorId,
        deviceId: SEED_IDS.visitors.english,
        name: 'Emily Carter',
        email: 'emily.carter@example.com',
      },
      interactions: [
        {
          channel: 'chat',
          messages: [
            { dir: 'in', at: ago(0, 0, 12), text: 'Hi! Do the Alpine Shell jackets run small?' },
            {
              dir: 'out',
              at: ago(0, 0, 11),
              text: 'Hi Emily! They run true to size, but if you wear a fleece underneath we recommend one size up.',
            },
            { dir: 'in', at: ago(0, 0, 8), text: 'Great, thanks. And is shipping to Canada free?' },
          ],
        },
      ],
    },
    {
      number: 6613,
      subject: 'Return label request',
      status: 'completed',
      agent: MARCO,
      contact: { id: 'ct-tom-becker', name: 'Tom Becker', emails: ['tbecker@fastmail.example'] },
      interactions: [
        {
          channel: 'email',
          messages: [
            {
              dir: 'in',
              at: ago(5, 19, 0),
              text: 'Hello,\n\nI need a return label for order NW-19877; the boots are too narrow.\n\nTom',
            },
            {
              dir: 'out',
              at: ago(5, 17, 0),
              text: `Hi Tom,\n\nYour prepaid return label is on its way to this address. Once we scan the parcel, the refund takes 3 to 5 business days.\n\n${sign(MARCO)}`,
            },
            { dir: 'in', at: ago(5, 14, 0), quote: true, text: 'Got it, thank you!\n\nTom' },
          ],
        },
      ],
    },
    {
      number: 6614,
      subject: 'Exchange for a smaller size',
      contact: { id: 'ct-priya-shah', name: 'Priya Shah', emails: ['priya.shah@outlook.com'] },
      interactions: [
        {
          channel: 'email',
          messages: [
            {
              dir: 'in',
              at: ago(2, 18, 0),
              text: 'Hi,\n\nThe Summit fleece (order NW-20544) is too big. Can I exchange the L for an M?\n\nPriya',
            },
            {
              dir: 'out',
              at: ago(2, 16, 30),
              quote: true,
              text: `Hi Priya,\n\nOf course. Reply with your preferred colour and we will ship the M as soon as the L is on its way back.\n\n${sign(LUCIA)}`,
            },
            {
              dir: 'in',
              at: ago(2, 11, 0),
              quote: true,
              text: 'Same colour (slate grey), please. I dropped the parcel at the post office this morning.\n\nPriya',
            },
            {
              dir: 'out',
              at: ago(2, 9, 45),
              quote: true,
              text: `Hi Priya,\n\nPerfect, the slate grey M ships today. You will receive the tracking number by email.\n\n${sign(LUCIA)}`,
            },
          ],
        },
      ],
    },
    {
      number: 6615,
      subject: 'Damaged zipper on Alpine Shell jacket',
      read: false,
      contact: {
        id: 'ct-olivia-turner',
        name: 'Olivia Turner',
        emails: ['olivia.turner@yahoo.com'],
      },
      interactions: [
        {
          channel: 'email',
          messages: [
            {
              dir: 'in',
              at: ago(0, 6, 15),
              text: 'Hello,\n\nThe main zipper of my Alpine Shell broke after two weeks. Photo attached. Is this covered by the warranty?\n\nOlivia Turner',
              attachments: [seedAttachment('att-6615-01-01', 'zipper.jpg', PHOTO_JPEG)],
            },
          ],
        },
      ],
    },
    {
      number: 6616,
      subject: 'Gift card balance',
      status: 'completed',
      contact: {
        id: 'ct-kevin-oconnor',
        name: "Kevin O'Connor",
        emails: ['kevin.oconnor@gmail.com'],
      },
      interactions: [
        {
          channel: 'email',
          messages: [
            {
              dir: 'in',
              at: ago(8, 21, 0),
              text: 'Hi, how can I check the balance of my Northwind gift card?\n\nKevin',
            },
            {
              dir: 'out',
              at: ago(8, 19, 0),
              text: `Hi Kevin,\n\nYour card ending in 4821 has a balance of $35.00. You can also check it at checkout.\n\n${sign(LUCIA)}`,
            },
          ],
        },
      ],
    },
    {
      number: 6617,
      subject: '',
      status: 'completed',
      contact: { id: 'ct-visitor-liam', name: 'Liam', emails: [], source: 'visitor' },
      visitor: { id: 'vis-liam', deviceId: 'device-liam-nw', name: 'Liam' },
      interactions: [
        {
          channel: 'chat',
          messages: [
            { dir: 'in', at: ago(3, 17, 30), text: 'hey, are you open on thanksgiving?' },
            {
              dir: 'out',
              at: ago(3, 17, 29),
              agent: MARCO,
              text: 'Hi Liam! Our stores are closed on Thanksgiving Day, but online orders are processed as usual.',
            },
            { dir: 'in', at: ago(3, 17, 27), text: 'cool thx' },
          ],
        },
      ],
    },
  ]);
}
