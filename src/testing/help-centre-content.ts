/**
 * The generated help centre's text: one topic per article pair (Italian and English), and for each language the
 * ways customers ask about it. The questions are written the way customers write, not the way the articles do:
 * other inflections (`rimborsato` for `rimborso`, `refunded` for `refund`), synonyms (`pacco` for `spedizione`,
 * `parcel` for `package`) and little of the article's wording, so that a search without stemming misses many.
 */

/** One language's side of a topic. */
export interface TopicText {
  title: string;
  body: string;
  /** How customers ask; each is one case's question. */
  asks: readonly string[];
}

/** One help-centre topic: an Italian and an English article and their questions. */
export interface HelpTopic {
  key: string;
  section: 'orders' | 'shipping' | 'returns' | 'payments' | 'account' | 'warranty';
  labels: readonly string[];
  it: TopicText;
  en: TopicText;
}

/** Section names as readers see them. */
export const SECTION_NAMES: Readonly<Record<HelpTopic['section'], { it: string; en: string }>> = {
  orders: { it: 'Ordini', en: 'Orders' },
  shipping: { it: 'Spedizioni e consegne', en: 'Shipping and delivery' },
  returns: { it: 'Resi e rimborsi', en: 'Returns and refunds' },
  payments: { it: 'Pagamenti e fatture', en: 'Payments and invoices' },
  account: { it: 'Account e privacy', en: 'Account and privacy' },
  warranty: { it: 'Garanzia e assistenza', en: 'Warranty and repairs' },
};

/** The topics, grouped by section. */
export const HELP_TOPICS: readonly HelpTopic[] = [
  {
    key: 'track-order',
    section: 'shipping',
    labels: ['tracking', 'shipping'],
    it: {
      title: 'Come tracciare la spedizione del tuo ordine',
      body: "Quando l'ordine parte ricevi un'email con il numero di tracciamento e il link del corriere. Puoi seguire la spedizione anche dalla pagina I miei ordini. Il tracciamento si aggiorna entro 24 ore dalla partenza.",
      asks: [
        'Dove posso vedere a che punto è il mio pacco? Non trovo il codice per tracciarlo',
        "Il link di tracciamento che mi avete mandato non funziona, come seguo l'ordine?",
        'Vorrei sapere dove si trovano i pacchi che ho ordinato, potete darmi il tracking?',
      ],
    },
    en: {
      title: 'How to track your order',
      body: 'When your order ships we email you the tracking number and a link to the carrier. You can also follow the shipment from the My orders page. Tracking updates within 24 hours of dispatch.',
      asks: [
        'Where can I see where my parcel is? I cannot find the code to track it',
        'The tracking link you sent me does not work, how do I follow my package?',
        'How do I check the status of the shipment I ordered last week?',
      ],
    },
  },
  {
    key: 'delivery-times',
    section: 'shipping',
    labels: ['shipping', 'delivery'],
    it: {
      title: 'Tempi di consegna',
      body: 'Gli ordini effettuati entro le 14:00 dei giorni lavorativi partono in giornata. La consegna standard richiede da 2 a 4 giorni lavorativi, la consegna express 24 ore. Sabato, domenica e festivi non sono conteggiati.',
      asks: [
        'Quanti giorni ci vogliono perché arrivi un ordine? Mi serve entro venerdì',
        "Se ordino oggi pomeriggio, quando mi consegnate? C'è una spedizione veloce?",
        'Quanto tempo impiega il corriere a consegnare in Sicilia?',
      ],
    },
    en: {
      title: 'Delivery times',
      body: 'Orders placed before 2 pm on a working day are dispatched the same day. Standard delivery takes 2 to 4 working days, express delivery 24 hours. Weekends and public holidays are not counted.',
      asks: [
        'How many days does it take for an order to arrive? I need it by Friday',
        'If I order this afternoon when will it be delivered? Is there a faster option?',
        'How long does the courier take to deliver to Scotland?',
      ],
    },
  },
  {
    key: 'late-parcel',
    section: 'shipping',
    labels: ['shipping', 'delay'],
    it: {
      title: 'Il pacco è in ritardo o non è arrivato',
      body: 'Se la consegna prevista è passata da più di 3 giorni lavorativi, controlla il tracciamento e la cassetta della posta: il corriere lascia un avviso di giacenza. Se il pacco risulta consegnato ma non lo trovi, contattaci entro 7 giorni e apriamo una pratica di smarrimento con il corriere.',
      asks: [
        'Il mio pacco doveva arrivare lunedì e non si è visto nessuno, è in ritardo?',
        'Risulta consegnato ma a casa non è arrivato niente, forse è stato smarrito',
        'Sono passati dieci giorni e la consegna non è ancora avvenuta',
      ],
    },
    en: {
      title: 'My parcel is late or has not arrived',
      body: 'If the expected delivery date passed more than 3 working days ago, check the tracking and your letterbox: the courier leaves a notice when nobody is home. If the parcel shows as delivered but you cannot find it, contact us within 7 days and we open a lost-parcel claim with the courier.',
      asks: [
        'My package was due on Monday and nothing came, is it delayed?',
        'It says delivered but nothing arrived at my house, I think it got lost',
        'Ten days later and the delivery still has not happened',
      ],
    },
  },
  {
    key: 'damaged-parcel',
    section: 'shipping',
    labels: ['shipping', 'damage'],
    it: {
      title: 'Hai ricevuto un pacco danneggiato',
      body: "Se l'imballo è rovinato, accetta la consegna con riserva specifica e fotografa il pacco. Se il prodotto è danneggiato, inviaci le foto entro 48 ore dalla consegna dalla pagina I miei ordini: ti spediamo un sostituto senza costi.",
      asks: [
        'La scatola è arrivata tutta schiacciata e il vaso dentro era rotto',
        "Il prodotto si è danneggiato durante il trasporto, l'imballaggio era rovinato",
        'Mi è arrivata la lampada rotta, cosa devo fare? Ho fatto delle fotografie',
      ],
    },
    en: {
      title: 'You received a damaged parcel',
      body: 'If the packaging is damaged, accept the delivery with a written reservation and photograph the parcel. If the product itself is damaged, send us the photos within 48 hours of delivery from the My orders page: we ship a replacement at no cost.',
      asks: [
        'The box arrived completely crushed and the vase inside was broken',
        'The item got damaged in transit, the packaging was ruined',
        'My lamp arrived broken, what should I do? I took some pictures',
      ],
    },
  },
  {
    key: 'change-address',
    section: 'shipping',
    labels: ['address', 'shipping'],
    it: {
      title: "Cambiare l'indirizzo di consegna",
      body: "Puoi modificare l'indirizzo di consegna dalla pagina I miei ordini finché l'ordine non è stato spedito. Dopo la spedizione scrivici: chiediamo noi al corriere di deviare il pacco, quando è possibile.",
      asks: [
        "Ho sbagliato l'indirizzo nell'ordine, posso correggerlo?",
        'Mi sono trasferito, potete consegnare a un indirizzo diverso?',
        'Vorrei far arrivare il pacco in ufficio invece che a casa, si può cambiare la via?',
      ],
    },
    en: {
      title: 'Changing the delivery address',
      body: 'You can change the delivery address from the My orders page until the order has shipped. After dispatch write to us: we ask the courier to redirect the parcel when that is possible.',
      asks: [
        'I typed the wrong address on my order, can I correct it?',
        'I have moved house, can you deliver to a different address?',
        'Can the package go to my office instead of my home? I want to change where it goes',
      ],
    },
  },
  {
    key: 'shipping-costs',
    section: 'shipping',
    labels: ['shipping', 'costs'],
    it: {
      title: 'Costi di spedizione',
      body: 'La spedizione standard costa 4,90 € ed è gratuita per ordini superiori a 49 €. La consegna express costa 9,90 €. Le isole minori e le zone disagiate hanno un supplemento di 5 €.',
      asks: [
        'Quanto si paga per spedire? Sopra quale cifra è gratis?',
        'Perché mi avete fatto pagare 9,90 di spese di consegna?',
        'Le spese di spedizione per Lampedusa sono diverse?',
      ],
    },
    en: {
      title: 'Shipping costs',
      body: 'Standard shipping costs €4.90 and is free on orders over €49. Express delivery costs €9.90. Remote areas and small islands carry a €5 surcharge.',
      asks: [
        'How much do you charge to ship? Above what amount is it free?',
        'Why was I charged 9.90 for postage?',
        'Is the delivery fee different for the Scottish islands?',
      ],
    },
  },
  {
    key: 'international',
    section: 'shipping',
    labels: ['shipping', 'international', 'customs'],
    it: {
      title: "Spedizioni all'estero e dogana",
      body: "Spediamo in tutta l'Unione europea, in Svizzera e nel Regno Unito. Per le destinazioni fuori dall'Unione europea possono essere applicati dazi e IVA all'importazione, pagati dal destinatario al corriere al momento della consegna.",
      asks: [
        'Spedite anche in Svizzera? Devo pagare la dogana?',
        'Il corriere mi chiede dei dazi doganali per consegnarmi il pacco a Londra',
        "Fate consegne fuori dall'Italia, per esempio in Germania?",
      ],
    },
    en: {
      title: 'International shipping and customs',
      body: 'We ship to the whole European Union, Switzerland and the United Kingdom. Outside the European Union import duties and VAT may apply, paid by the recipient to the courier on delivery.',
      asks: [
        'Do you deliver to Switzerland? Will I have to pay customs?',
        'The courier wants duties before delivering my parcel in London',
        'Can you ship abroad, for example to Germany?',
      ],
    },
  },
  {
    key: 'pickup-point',
    section: 'shipping',
    labels: ['pickup', 'shipping'],
    it: {
      title: 'Ritiro in negozio o in un punto di ritiro',
      body: 'Al momento del pagamento puoi scegliere il ritiro gratuito in negozio o in un punto di ritiro convenzionato. Ricevi un SMS quando il pacco è pronto; hai 10 giorni per ritirarlo con un documento e il codice dell’ordine.',
      asks: [
        'Posso ritirare il pacco in negozio invece di farmelo spedire?',
        "Mi è arrivato l'SMS che è pronto, cosa devo portare per ritirarlo?",
        'Per quanti giorni tengono il pacco al punto di raccolta?',
      ],
    },
    en: {
      title: 'Collecting in store or at a pickup point',
      body: 'At checkout you can choose free collection in store or at a partner pickup point. We text you when the parcel is ready; you have 10 days to collect it with an ID and your order code.',
      asks: [
        'Can I pick the parcel up in a shop instead of having it delivered?',
        'I got the text saying it is ready, what do I need to bring to collect it?',
        'How many days will they hold my package at the collection point?',
      ],
    },
  },
  {
    key: 'cancel-order',
    section: 'orders',
    labels: ['orders', 'cancellation'],
    it: {
      title: 'Annullare un ordine',
      body: "Puoi annullare l'ordine dalla pagina I miei ordini finché è in preparazione. L'importo viene sbloccato sulla carta in 3-5 giorni lavorativi. Se l'ordine è già partito, rifiuta la consegna o fai un reso.",
      asks: [
        "Ho ordinato per errore, posso annullarlo prima che partite con l'invio?",
        'Non voglio più la giacca che ho comprato ieri, come la disdico?',
        'Come si cancella un ordine appena fatto?',
      ],
    },
    en: {
      title: 'Cancelling an order',
      body: 'You can cancel the order from the My orders page while it is being prepared. The amount is released on your card within 3 to 5 working days. If the order has already shipped, refuse the delivery or return it.',
      asks: [
        'I ordered by mistake, can I cancel before you send it?',
        'I no longer want the jacket I bought yesterday, how do I call it off?',
        'How do I cancel an order I just placed?',
      ],
    },
  },
  {
    key: 'modify-order',
    section: 'orders',
    labels: ['orders'],
    it: {
      title: 'Modificare un ordine già effettuato',
      body: 'Un ordine confermato non può essere modificato: per aggiungere o togliere articoli annullalo finché è in preparazione e fanne uno nuovo. Le quantità e le taglie non si possono cambiare dopo la conferma.',
      asks: [
        "Posso aggiungere un altro articolo all'ordine che ho fatto stamattina?",
        'Ho scelto la taglia sbagliata prima di pagare, potete modificarla?',
        'Vorrei togliere un prodotto dal mio acquisto, è possibile?',
      ],
    },
    en: {
      title: 'Changing an order you placed',
      body: 'A confirmed order cannot be changed: to add or remove items cancel it while it is being prepared and place a new one. Quantities and sizes cannot be changed after confirmation.',
      asks: [
        'Can I add another item to the order I placed this morning?',
        'I picked the wrong size before paying, can you modify it?',
        'I would like to remove a product from my purchase, is that possible?',
      ],
    },
  },
  {
    key: 'missing-item',
    section: 'orders',
    labels: ['orders', 'missing-item'],
    it: {
      title: 'Manca un articolo nel pacco',
      body: "Alcuni ordini partono in più colli: controlla nel tracciamento se ci sono altre spedizioni. Se l'articolo manca davvero, segnalalo entro 7 giorni dalla pagina I miei ordini e te lo inviamo di nuovo.",
      asks: [
        'Nella scatola mancavano le scarpe, è arrivata solo la borsa',
        'Ho ricevuto il pacco ma non ci sono tutti i prodotti che ho comprato',
        'Mi hanno consegnato solo due articoli su tre',
      ],
    },
    en: {
      title: 'An item is missing from your parcel',
      body: 'Some orders ship in several boxes: check the tracking for other shipments. If the item really is missing, report it within 7 days from the My orders page and we send it again.',
      asks: [
        'The shoes were not in the box, only the bag came',
        'I got the parcel but not all the products I bought are there',
        'Only two of my three items were delivered',
      ],
    },
  },
  {
    key: 'wrong-item',
    section: 'orders',
    labels: ['orders', 'wrong-item'],
    it: {
      title: 'Hai ricevuto un articolo sbagliato',
      body: "Se hai ricevuto un articolo diverso da quello ordinato, per modello, colore o taglia, segnalalo dalla pagina I miei ordini: ti inviamo l'articolo giusto e un'etichetta gratuita per rimandarci quello sbagliato.",
      asks: [
        'Ho ordinato una maglia blu e me ne è arrivata una rossa',
        'Nel pacco c’era un prodotto diverso da quello che ho comprato',
        'Mi avete mandato la taglia L invece della M',
      ],
    },
    en: {
      title: 'You received the wrong item',
      body: 'If you received an item different from the one you ordered, by model, colour or size, report it from the My orders page: we send you the right item and a free label to send the wrong one back.',
      asks: [
        'I ordered a blue jumper and a red one arrived',
        'The box contained a different product from what I purchased',
        'You sent me a size L instead of an M',
      ],
    },
  },
  {
    key: 'return-item',
    section: 'returns',
    labels: ['returns'],
    it: {
      title: 'Come restituire un prodotto',
      body: "Hai 30 giorni dalla consegna per restituire un prodotto. Richiedi il reso dalla pagina I miei ordini, stampa l'etichetta prepagata e consegna il pacco in un punto di ritiro del corriere. Il prodotto deve essere integro e con le etichette.",
      asks: [
        'Voglio rendere le scarpe, come faccio la restituzione?',
        "Come si fa un reso? Non trovo l'etichetta per rispedire il pacco",
        'Posso rimandarvi un articolo che non mi piace?',
      ],
    },
    en: {
      title: 'How to return a product',
      body: 'You have 30 days from delivery to return a product. Request the return from the My orders page, print the prepaid label and drop the parcel at a courier point. The product must be unused and keep its tags.',
      asks: [
        'I want to send the shoes back, how do I return them?',
        'How do I make a return? I cannot find the label to send the parcel back',
        'Can I return an item I do not like?',
      ],
    },
  },
  {
    key: 'refund-times',
    section: 'returns',
    labels: ['returns', 'refunds'],
    it: {
      title: 'Quando arriva il rimborso',
      body: "Il rimborso viene emesso entro 5 giorni lavorativi dall'arrivo del reso al magazzino, sullo stesso metodo di pagamento usato per l'ordine. La banca può impiegare altri 3-5 giorni per mostrarlo sull'estratto conto.",
      asks: [
        'Ho restituito la merce due settimane fa e non mi avete ancora rimborsato',
        'Quanto ci mettete a ridarmi i soldi dopo il reso?',
        'I rimborsi arrivano sulla carta o con un buono?',
      ],
    },
    en: {
      title: 'When you get your refund',
      body: 'The refund is issued within 5 working days of the return reaching our warehouse, to the payment method used for the order. Your bank may take another 3 to 5 days to show it on your statement.',
      asks: [
        'I sent the goods back two weeks ago and you still have not refunded me',
        'How long until I get my money back after returning?',
        'Are refunds paid to the card or as a voucher?',
      ],
    },
  },
  {
    key: 'exchange',
    section: 'returns',
    labels: ['returns', 'exchange'],
    it: {
      title: 'Cambiare taglia o colore',
      body: "Per un cambio taglia o colore richiedi il reso dell'articolo dalla pagina I miei ordini e scegli Cambio: spediamo il nuovo articolo appena il corriere ritira quello da sostituire. Il cambio è gratuito una volta per ordine.",
      asks: [
        'I pantaloni sono troppo stretti, posso averli di una misura più grande?',
        'Vorrei sostituire la maglia con una di un altro colore',
        'Come funzionano i cambi se la taglia non va bene?',
      ],
    },
    en: {
      title: 'Exchanging for another size or colour',
      body: 'To exchange for another size or colour, request a return of the item from the My orders page and choose Exchange: we ship the new item as soon as the courier collects the one to replace. One exchange per order is free.',
      asks: [
        'The trousers are too tight, can I have them one size bigger?',
        'I would like to swap the jumper for one in another color',
        'How do exchanges work if the size does not fit?',
      ],
    },
  },
  {
    key: 'return-costs',
    section: 'returns',
    labels: ['returns', 'costs'],
    it: {
      title: 'Il reso è gratuito?',
      body: "Il reso è gratuito con l'etichetta prepagata per gli ordini spediti in Italia. Dall'estero il costo della spedizione di ritorno è a carico del cliente e viene trattenuto dal rimborso.",
      asks: [
        'Devo pagare qualcosa per rimandare indietro un articolo?',
        'Mi avete trattenuto dei soldi dal rimborso per la restituzione, perché?',
        'Le spese per rendere un prodotto dalla Francia chi le paga?',
      ],
    },
    en: {
      title: 'Are returns free?',
      body: 'Returns are free with the prepaid label for orders shipped within the United Kingdom. From abroad the return shipping cost is paid by the customer and deducted from the refund.',
      asks: [
        'Do I have to pay anything to send an item back?',
        'You deducted money from my refund for the return, why?',
        'Who pays the postage when returning from France?',
      ],
    },
  },
  {
    key: 'payment-methods',
    section: 'payments',
    labels: ['payments'],
    it: {
      title: 'Metodi di pagamento accettati',
      body: 'Accettiamo carte di credito e di debito Visa, Mastercard e American Express, PayPal, Apple Pay, Google Pay e bonifico bancario. Il contrassegno non è disponibile.',
      asks: [
        'Posso pagare con PayPal o solo con la carta?',
        'Accettate il pagamento alla consegna in contanti?',
        'Si può fare un bonifico invece di usare la carta di credito?',
      ],
    },
    en: {
      title: 'Accepted payment methods',
      body: 'We accept Visa, Mastercard and American Express credit and debit cards, PayPal, Apple Pay, Google Pay and bank transfer. Cash on delivery is not available.',
      asks: [
        'Can I pay with PayPal or only by card?',
        'Do you take cash when the courier delivers?',
        'Is a bank transfer possible instead of a credit card?',
      ],
    },
  },
  {
    key: 'payment-declined',
    section: 'payments',
    labels: ['payments', 'declined'],
    it: {
      title: 'Il pagamento è stato rifiutato',
      body: "Un pagamento rifiutato dipende quasi sempre dalla banca: controlla il plafond, la scadenza della carta e che gli acquisti online siano abilitati. Se la banca chiede l'autenticazione 3D Secure, completala entro 5 minuti. Non riceverai alcun addebito per un pagamento non riuscito.",
      asks: [
        'La mia carta viene rifiutata ogni volta che provo a pagare',
        'Il pagamento non va a buon fine, mi dice transazione negata',
        'Perché non riesco a completare il pagamento? La carta è valida',
      ],
    },
    en: {
      title: 'Your payment was declined',
      body: 'A declined payment almost always comes from the bank: check your limit, the card expiry date and that online purchases are enabled. If the bank asks for 3D Secure authentication, complete it within 5 minutes. A failed payment is never charged.',
      asks: [
        'My card keeps getting refused every time I try to pay',
        'The payment does not go through, it says transaction denied',
        'Why can I not complete the checkout? My card is valid',
      ],
    },
  },
  {
    key: 'double-charge',
    section: 'payments',
    labels: ['payments', 'billing'],
    it: {
      title: 'Addebito doppio sulla carta',
      body: "Se vedi due addebiti per lo stesso ordine, uno è di solito una preautorizzazione che la banca annulla entro 7 giorni. Se dopo 7 giorni gli importi addebitati sono ancora due, inviaci l'estratto conto e ti rimborsiamo la differenza.",
      asks: [
        'Mi avete addebitato due volte lo stesso ordine sulla carta',
        "Sull'estratto conto vedo il pagamento doppio, chi me lo restituisce?",
        'Ho pagato una volta ma la banca mostra due prelievi',
      ],
    },
    en: {
      title: 'Charged twice on your card',
      body: 'If you see two charges for the same order, one is usually a pre-authorisation that the bank cancels within 7 days. If after 7 days both amounts are still charged, send us your statement and we refund the difference.',
      asks: [
        'You billed my card twice for the same order',
        'My statement shows the payment two times, who gives it back?',
        'I paid once but the bank shows a double charge',
      ],
    },
  },
  {
    key: 'invoice',
    section: 'payments',
    labels: ['invoices', 'billing'],
    it: {
      title: 'Richiedere la fattura',
      body: "Per ricevere la fattura inserisci codice fiscale o partita IVA al momento dell'ordine. La fattura elettronica arriva tramite SDI e una copia in PDF è scaricabile dalla pagina I miei ordini entro 48 ore dalla spedizione.",
      asks: [
        "Mi serve la fattura intestata all'azienda per l'acquisto di ieri",
        'Dove scarico le fatture dei miei ordini?',
        'Ho dimenticato di mettere la partita IVA, potete fatturare lo stesso?',
      ],
    },
    en: {
      title: 'Getting an invoice',
      body: 'To receive a VAT invoice enter your company name and VAT number at checkout. A PDF copy can be downloaded from the My orders page within 48 hours of dispatch.',
      asks: [
        'I need an invoice in my company name for yesterday’s purchase',
        'Where do I download the invoices for my orders?',
        'I forgot to add my VAT number, can you still invoice my company?',
      ],
    },
  },
  {
    key: 'instalments',
    section: 'payments',
    labels: ['payments', 'instalments'],
    it: {
      title: 'Pagare a rate',
      body: 'Per ordini da 100 € a 2.000 € puoi pagare in 3 rate senza interessi con Klarna o PayPal. Scegli il pagamento rateale alla cassa: la prima rata viene addebitata alla spedizione.',
      asks: [
        'Posso dividere il pagamento in più mensilità?',
        'Fate la rateizzazione senza interessi per un divano da 900 euro?',
        'Come funziona il pagamento rateizzato con Klarna?',
      ],
    },
    en: {
      title: 'Paying in instalments',
      body: 'For orders from €100 to €2,000 you can pay in 3 interest-free instalments with Klarna or PayPal. Choose instalments at checkout: the first one is charged when the order ships.',
      asks: [
        'Can I split the payment over several months?',
        'Do you offer interest free monthly payments for a 900 pound sofa?',
        'How does paying over time with Klarna work?',
      ],
    },
  },
  {
    key: 'discount-code',
    section: 'payments',
    labels: ['discounts', 'payments'],
    it: {
      title: 'Il codice sconto non funziona',
      body: 'Un codice sconto vale per un solo ordine, non è cumulabile con altre promozioni e spesso richiede un importo minimo. Controlla la data di scadenza e scrivi il codice senza spazi. I prodotti già scontati sono esclusi.',
      asks: [
        'Il coupon che mi avete mandato non viene accettato',
        'Inserisco il codice promozionale ma lo sconto non si applica',
        'Posso usare due codici sconto sullo stesso acquisto?',
      ],
    },
    en: {
      title: 'Your discount code does not work',
      body: 'A discount code is valid for one order, cannot be combined with other promotions and often needs a minimum spend. Check the expiry date and type the code without spaces. Items already on sale are excluded.',
      asks: [
        'The coupon you emailed me is not accepted',
        'I enter the promo code but the discount is not applied',
        'Can I use two discount codes on the same purchase?',
      ],
    },
  },
  {
    key: 'gift-card',
    section: 'payments',
    labels: ['gift-cards', 'payments'],
    it: {
      title: 'Carte regalo e buoni',
      body: 'Le carte regalo valgono 12 mesi dalla data di acquisto e si possono usare anche per più ordini fino a esaurimento del credito. Il saldo residuo è visibile nella pagina Il mio account. Le carte regalo non sono rimborsabili.',
      asks: [
        'Come controllo quanto credito resta sul buono regalo?',
        'Mi hanno regalato una gift card, fino a quando posso usarla?',
        'Il buono che ho ricevuto è scaduto, si può rinnovare?',
      ],
    },
    en: {
      title: 'Gift cards and vouchers',
      body: 'Gift cards are valid for 12 months from purchase and can be used across several orders until the balance runs out. The remaining balance is shown on the My account page. Gift cards cannot be refunded.',
      asks: [
        'How do I check how much credit is left on my voucher?',
        'I was given a gift card as a present, until when can I use it?',
        'The voucher I received has expired, can it be renewed?',
      ],
    },
  },
  {
    key: 'reset-password',
    section: 'account',
    labels: ['account', 'login', 'password'],
    it: {
      title: 'Reimpostare la password',
      body: "Nella pagina di accesso scegli Password dimenticata e inserisci l'email dell'account: ricevi un link valido 30 minuti per scegliere una nuova password. Se l'email non arriva, controlla lo spam.",
      asks: [
        'Non riesco ad accedere, ho dimenticato la parola chiave',
        "L'email per reimpostare la password non mi arriva",
        'Come cambio la mia password? Non ricordo quella vecchia',
      ],
    },
    en: {
      title: 'Resetting your password',
      body: 'On the sign-in page choose Forgot password and enter your account email: you receive a link, valid for 30 minutes, to choose a new password. If the email does not arrive, check your spam folder.',
      asks: [
        'I cannot log in, I forgot my passwords',
        'The email to reset my password never arrives',
        'How do I change my password? I do not remember the old one',
      ],
    },
  },
  {
    key: 'change-email',
    section: 'account',
    labels: ['account'],
    it: {
      title: "Modificare l'email o i dati dell'account",
      body: "Dalla pagina Il mio account puoi modificare nome, numero di telefono e indirizzo email. Per cambiare l'email devi confermare il nuovo indirizzo con il link che ti inviamo.",
      asks: [
        'Ho cambiato casella di posta, come aggiorno la mail del profilo?',
        'Vorrei modificare il numero di cellulare collegato al mio account',
        'Il mio nome sul profilo è scritto male, dove lo correggo?',
      ],
    },
    en: {
      title: 'Changing your email or account details',
      body: 'From the My account page you can change your name, phone number and email address. To change the email you confirm the new address with the link we send you.',
      asks: [
        'I have a new mailbox, how do I update the email on my profile?',
        'I would like to change the mobile number linked to my account',
        'My name is misspelled on my profile, where do I correct it?',
      ],
    },
  },
  {
    key: 'delete-account',
    section: 'account',
    labels: ['account', 'privacy'],
    it: {
      title: "Eliminare l'account",
      body: "Puoi chiedere l'eliminazione dell'account dalla pagina Il mio account, sezione Privacy. Gli ordini in corso devono essere conclusi. Conserviamo le fatture per 10 anni come richiede la legge; tutti gli altri dati vengono cancellati entro 30 giorni.",
      asks: [
        'Voglio cancellare il mio profilo e tutti i miei dati',
        'Come si chiude definitivamente un account?',
        "Non uso più il sito, potete eliminarmi dall'archivio clienti?",
      ],
    },
    en: {
      title: 'Deleting your account',
      body: 'You can ask for your account to be deleted from the My account page, Privacy section. Orders in progress must be completed first. We keep invoices for 10 years as the law requires; all other data is erased within 30 days.',
      asks: [
        'I want to remove my profile and all my data',
        'How do I close an account for good?',
        'I no longer use the site, can you erase me from your customer records?',
      ],
    },
  },
  {
    key: 'two-factor',
    section: 'account',
    labels: ['account', 'login', 'security'],
    it: {
      title: 'Verifica in due passaggi',
      body: "Con la verifica in due passaggi attiva, dopo la password inserisci il codice che ti inviamo via SMS o che genera l'app di autenticazione. Se hai cambiato telefono, usa uno dei codici di recupero salvati all'attivazione.",
      asks: [
        'Non mi arriva il codice via SMS per entrare nel mio profilo',
        "Ho cambiato cellulare e l'app di autenticazione non mi genera più i codici",
        'Come attivo la doppia verifica per proteggere il mio account?',
      ],
    },
    en: {
      title: 'Two-step verification',
      body: 'With two-step verification on, after your password you enter the code we text you or that your authenticator app generates. If you changed phone, use one of the recovery codes you saved when you turned it on.',
      asks: [
        'The text message code to sign in to my profile never comes',
        'I got a new phone and my authenticator app no longer generates codes',
        'How do I enable two factor authentication to secure my account?',
      ],
    },
  },
  {
    key: 'newsletter',
    section: 'account',
    labels: ['account', 'newsletter'],
    it: {
      title: 'Disiscriversi dalla newsletter',
      body: 'Per non ricevere più la newsletter usa il link Disiscriviti in fondo a ogni email, oppure togli il consenso dalla pagina Il mio account, sezione Preferenze. La modifica vale entro 48 ore.',
      asks: [
        'Basta email pubblicitarie, come mi cancello dalla mailing list?',
        'Continuo a ricevere le vostre newsletter anche se mi sono disiscritto',
        'Non voglio più ricevere offerte per posta elettronica',
      ],
    },
    en: {
      title: 'Unsubscribing from the newsletter',
      body: 'To stop receiving the newsletter use the Unsubscribe link at the bottom of every email, or remove your consent from the My account page, Preferences section. The change applies within 48 hours.',
      asks: [
        'No more marketing emails please, how do I get off the mailing list?',
        'I keep getting your newsletters even though I unsubscribed',
        'I do not want to receive offers by email any more',
      ],
    },
  },
  {
    key: 'warranty',
    section: 'warranty',
    labels: ['warranty'],
    it: {
      title: 'La garanzia dei prodotti',
      body: "Tutti i prodotti hanno la garanzia legale di 2 anni dalla consegna per i difetti di conformità. Per aprire una richiesta di garanzia serve la prova d'acquisto: la trovi nella pagina I miei ordini. I danni da uso improprio non sono coperti.",
      asks: [
        "L'aspirapolvere ha smesso di funzionare dopo un anno, è ancora garantito?",
        'Quanto dura la copertura in garanzia sui vostri articoli?',
        'Il prodotto è difettoso, posso farlo valere come garanzia?',
      ],
    },
    en: {
      title: 'Product warranty',
      body: 'Every product has a 2-year legal guarantee from delivery against defects. To open a warranty claim you need the proof of purchase: you find it on the My orders page. Damage from misuse is not covered.',
      asks: [
        'The vacuum cleaner stopped working after a year, is it still guaranteed?',
        'How long are your items covered under warranty?',
        'The product is faulty, can I make a warranty claim?',
      ],
    },
  },
  {
    key: 'repair',
    section: 'warranty',
    labels: ['warranty', 'repairs'],
    it: {
      title: 'Riparazioni e centri di assistenza',
      body: "Per una riparazione apri una richiesta di assistenza dalla pagina I miei ordini: ti inviamo l'etichetta per spedire il prodotto al centro di assistenza. La riparazione richiede in media 15 giorni lavorativi; fuori garanzia ti mandiamo un preventivo prima di procedere.",
      asks: [
        'La macchina del caffè perde acqua, dove la posso far riparare?',
        'Quanto tempo ci vuole per aggiustare la lavatrice in assistenza?',
        'Mi serve un centro assistenza autorizzato per il mio tablet rotto',
      ],
    },
    en: {
      title: 'Repairs and service centres',
      body: 'For a repair open a service request from the My orders page: we send you the label to ship the product to the service centre. A repair takes 15 working days on average; out of warranty we send a quote before going ahead.',
      asks: [
        'The coffee machine leaks water, where can I get it repaired?',
        'How long does it take to fix the washing machine at your service centre?',
        'I need an authorised repairer for my broken tablet',
      ],
    },
  },
];
