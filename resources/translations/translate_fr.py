"""Build the French translation: lupdate over ui/, fill from the table below, lrelease.

    .venv/bin/python resources/translations/translate_fr.py

The table is the reference: a string missing from it is reported and the
build fails, so a new ``self.tr("…")`` cannot ship untranslated.
"""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
TS = HERE / "customscreen_fr.ts"
QM = HERE / "customscreen_fr.qm"
BIN = Path(sys.executable).parent

FR = {
    # -- words for codes
    "Answered": "Répondu", "Missed": "Manqué", "Diverted": "Renvoyé", "Blocked": "Bloqué",
    "Ringing": "Sonne", "Card shown": "Fiche affichée", "Sent to voicemail": "Mis en messagerie",
    "Active contract": "Contrat actif", "Expired contract": "Contrat expiré",
    "No contract": "Aucun contrat", "active": "actif", "expired": "expiré", "none": "aucun",
    "New": "Nouveau", "Forwarded": "Transmis", "Called back": "Rappelé", "Closed": "Fermé",
    "Normal": "Normal", "Busy day": "Jour chargé", "connected": "connectée",
    "reconnecting": "reconnexion", "down": "coupée", "no line": "aucune ligne",
    "mobile": "mobile", "landline": "fixe", "landline or mobile": "fixe ou mobile",
    "toll-free": "numéro vert", "premium rate": "surtaxé", "shared cost": "coût partagé",
    "internet telephony": "téléphonie par internet", "personal number": "numéro personnel",
    "company number": "numéro d'entreprise",
    "Paris and Île-de-France": "Paris et Île-de-France",
    "north-west France": "nord-ouest de la France", "north-east France": "nord-est de la France",
    "south-east France": "sud-est de la France", "south-west France": "sud-ouest de la France",
    "phone": "téléphone", "fax": "fax", "other": "autre",
    # -- routing reasons
    "Known caller: %1": "Correspondant connu : %1", "Unknown number": "Numéro inconnu",
    "Number withheld by the caller": "Numéro masqué par l'appelant",
    "%1 always gets through": "%1 passe toujours",
    "%1 is under contract": "%1 est sous contrat",
    "Busy day: %1's contract has expired, sent to voicemail":
        "Jour chargé : le contrat de %1 a expiré, mis en messagerie",
    "Busy day: %1 has no contract, sent to voicemail":
        "Jour chargé : %1 n'a pas de contrat, mis en messagerie",
    "Busy day: unknown caller sent to voicemail":
        "Jour chargé : appelant inconnu mis en messagerie",
    "Busy day: withheld number sent to voicemail":
        "Jour chargé : numéro masqué mis en messagerie",
    "The office is closed: sent to voicemail": "Bureau fermé : mis en messagerie",
    "%1 is on the blocked list": "%1 est sur la liste noire",
    "the caller": "l'appelant",
    # -- callback slip
    "Callback slip": "Fiche de rappel", "What it is about": "À quel sujet",
    "Caller:": "Appelant :", "unknown caller": "appelant inconnu",
    "Call back by:": "Rappel par :", "Due:": "Échéance :", "Subject:": "Objet :",
    "In a few words, what came of it?": "En quelques mots, qu'en est-il ressorti ?",
    # -- callbacks tab
    "Due today": "À rappeler aujourd'hui", "Overdue": "En retard",
    "All open callbacks": "Tous les rappels ouverts", "All callbacks": "Tous les rappels",
    "Due": "Échéance", "Caller": "Appelant", "Number": "Numéro", "Subject": "Objet",
    "Assigned to": "Attribué à", "Created by": "Créé par", "Outcome": "Issue",
    "Mark &done…": "Marquer fai&t…", "Call back again in &6 months": "Rappeler dans &6 mois",
    "done": "fait", "Callback done": "Rappel fait", "Callbacks": "Rappels",
    "overdue": "en retard",
    # -- card
    "Withheld number": "Numéro masqué", "Unknown caller": "Appelant inconnu",
    "Close the card (Escape)": "Fermer la fiche (Échap)",
    "Network name: %1": "Nom transmis : %1", "always gets through": "passe toujours",
    "no number": "pas de numéro", "Last calls": "Derniers appels",
    "No earlier call": "Aucun appel précédent", "Open callbacks": "Rappels ouverts",
    "%1 for %2: %3": "%1 pour %2 : %3", "&Open contact": "&Ouvrir le contact",
    "&Create contact": "&Créer le contact", "&Note": "&Note", "Call &back…": "&Rappel…",
    "In &6 months": "Dans &6 mois",
    "Create a callback six months from today, in one click":
        "Créer un rappel dans six mois, en un clic",
    "&Print": "&Imprimer",
    # -- calls
    "When": "Date", "Decision": "Décision", "Duration": "Durée", "Handled by": "Pris par",
    "Note": "Note", "withheld": "masqué", "From": "Du", "to": "au", "To (inclusive)": "Au (inclus)",
    "&Today": "Au&jourd'hui", "Search number, name or note…": "Chercher un numéro, un nom, une note…",
    "All outcomes": "Toutes issues", "All decisions": "Toutes décisions", "Anyone": "Tout le monde",
    "Selected call": "Appel sélectionné", "Note:": "Note :", "Reason:": "Motif :",
    "Routing:": "Aiguillage :",
    "Save &note": "Enregistrer la &note",
    "Show the calls of everyone again": "Revoir les appels de tout le monde",
    "%1 calls": "%1 appels",
    "No data": "Aucune donnée",
    # -- contact editor
    "Contact": "Contact", "Contact: %1": "Contact : %1", "&Identity": "&Identité",
    "Co&ntract": "Co&ntrat", "Custom &fields": "&Champs personnalisés", "Person": "Personne",
    "Company": "Société", "Company this person works for": "Société où travaille cette personne",
    "Kind": "Type", "&Add number": "&Ajouter un numéro", "&Remove number": "&Retirer le numéro",
    "Always &gets through, even on busy days": "&Passe toujours, même les jours chargés",
    "&Blocked: never put through": "&Bloqué : jamais mis en relation",
    "Name:": "Nom :", "Kind:": "Type :", "Company:": "Société :", "Phones:": "Téléphones :",
    "Email:": "Courriel :", "Address:": "Adresse :", "Notes:": "Notes :",
    "Maintenance contract": "Contrat de maintenance", "gold, 24/7, standard…": "or, 24/7, standard…",
    "Status:": "Statut :", "Reference:": "Référence :", "Start:": "Début :", "End:": "Fin :",
    "Maintenance level:": "Niveau de maintenance :", "no date": "pas de date",
    "Field": "Champ", "Value": "Valeur", "A&dd field": "Ajouter un c&hamp",
    "Remove fi&eld": "Retirer le ch&amp",
    "There is no company called %1; create it first":
        "Il n'y a pas de société nommée %1 ; créez-la d'abord",
    "%1 is not a phone number": "%1 n'est pas un numéro de téléphone",
    "A contact needs a name": "Un contact doit avoir un nom",
    "Contact not saved": "Contact non enregistré",
    # -- contacts tab
    "Search a name, company, number or note…": "Chercher un nom, une société, un numéro, une note…",
    "Name": "Nom", "Numbers": "Numéros", "People of this company": "Personnes de cette société",
    "&New…": "&Nouveau…", "&Edit…": "Mo&difier…", "&Delete": "S&upprimer",
    "T&heir calls": "&Leurs appels", "Delete contact": "Supprimer le contact",
    "Delete %1? Their calls stay in the journal.":
        "Supprimer %1 ? Ses appels restent dans le journal.",
    "Import contacts": "Importer des contacts", "Contacts (*.csv *.vcf)": "Contacts (*.csv *.vcf)",
    "Some rows cannot be imported": "Certaines lignes ne peuvent pas être importées",
    "&Skip invalid rows and import the others":
        "&Ignorer les lignes invalides et importer les autres",
    "Nothing was imported. These rows are wrong:":
        "Rien n'a été importé. Ces lignes sont incorrectes :",
    "Taking back what was imported… %1 of %2": "Retrait de ce qui a été importé… %1 sur %2",
    "%1\n\nNothing was imported: the contacts are as they were.":
        "%1\n\nRien n'a été importé : les contacts sont tels qu'ils étaient.",
    # -- long operations
    "Cancel": "Annuler", "Cancelling…": "Annulation…",
    "Export contacts": "Exporter les contacts", "CSV (*.csv);;vCard (*.vcf)": "CSV (*.csv);;vCard (*.vcf)",
    "%1 contacts written to %2.": "%1 contacts écrits dans %2.",
    "No contact selected": "Aucun contact sélectionné", "%1: %2": "%1 : %2",
    "Always gets through, even on busy days": "Passe toujours, même les jours chargés",
    # -- desk
    "The journal cannot be written (%1 calls waiting): %2":
        "Le journal ne peut pas être écrit (%1 appels en attente) : %2",
    "Journal": "Journal", "Note on this call": "Note sur cet appel",
    "Note on the call from %1:": "Note sur l'appel de %1 :",
    "Call back in %1 months": "Rappeler dans %1 mois",
    "Callback created for %1, due %2": "Rappel créé pour %1, échéance %2",
    "Call back %1 (%2) — for %3": "Rappeler %1 (%2) — pour %3", "and %1 more": "et %1 autres",
    "Callback due": "Rappel à faire", "Lines": "Lignes",
    "Some lines could not be opened:": "Certaines lignes n'ont pas pu être ouvertes :",
    # -- tray
    "&Open CustomScreen": "&Ouvrir CustomScreen", "&Quit": "&Quitter",
    "CustomScreen — line: %1 — mode: %2": "CustomScreen — ligne : %1 — mode : %2",
    "%1 new in the voicemail queue": "%1 nouveaux dans la file de messagerie",
    # -- lines page
    "Add &modem": "Ajouter le &modem", "Add &SIP line": "Ajouter la ligne &SIP", "&Test": "&Tester",
    "Add &FRITZ!Box": "Ajouter la &FRITZ!Box", "Modem": "Modem", "SIP account": "Compte SIP",
    "User:": "Utilisateur :", "Password:": "Mot de passe :", "PBX:": "Standard (PBX) :",
    "Voicemail:": "Messagerie :", "FRITZ!Box": "FRITZ!Box",
    "Lines, one address a line:": "Lignes, une adresse par ligne :",
    "Type the PBX address first.": "Saisissez d'abord l'adresse du standard.",
    "Testing…": "Test en cours…",
    "The line is up: the PBX accepted the account.":
        "La ligne est active : le standard a accepté le compte.",
    "No answer from the PBX: %1": "Pas de réponse du standard : %1",
    "nothing received": "rien reçu",
    # -- main window
    "CustomScreen — caller ID and call journal": "CustomScreen — identification et journal d'appels",
    "&File": "&Fichier", "&Call": "&Appel", "&Mode": "&Mode", "&View": "Affic&hage",
    "&Import contacts…": "&Importer des contacts…", "&Export contacts…": "&Exporter les contacts…",
    "&Print card…": "Im&primer la fiche…", "&Settings…": "&Réglages…",
    "Change &user…": "Changer d'&utilisateur…", "&Note on the current call": "&Note sur l'appel en cours",
    "Ne&w contact…": "No&uveau contact…", "&Find…": "R&echercher…",
    "Voicemail &queue": "File de m&essagerie", "C&alls": "A&ppels", "C&ontacts": "&Contacts",
    "Call&backs": "&Rappels", "&Statistics": "&Statistiques", "Mode: %1": "Mode : %1",
    "Line: %1": "Ligne : %1", "At the desk: %1": "À l'accueil : %1",
    # -- mode
    "&Normal": "&Normal", "&Busy day (priority)": "&Jour chargé (priorité)", "&Closed": "&Fermé",
    "Every caller's card pops": "La fiche de chaque appelant s'affiche",
    "Only callers under contract and 'always' callers pop; the others go to the voicemail queue":
        "Seuls les clients sous contrat et les « toujours » s'affichent ; "
        "les autres vont dans la file de messagerie",
    "Every call goes to the voicemail queue": "Tous les appels vont dans la file de messagerie",
    "Follow the weekly &schedule": "Suivre le &planning hebdomadaire",
    # -- charts and statistics
    "No calls in this period": "Aucun appel sur cette période",
    "Last 7 days": "7 derniers jours", "Last 30 days": "30 derniers jours",
    "Last 90 days": "90 derniers jours", "Last 12 months": "12 derniers mois",
    "Whole journal": "Tout le journal", "Chosen dates": "Dates choisies",
    "Calls per day": "Appels par jour", "When calls come (weekday × hour)":
        "Quand arrivent les appels (jour × heure)",
    "How calls ended": "Issue des appels", "Callers under contract": "Appelants sous contrat",
    "%1 of %2 calls came from callers under contract; %3 from known contacts.":
        "%1 appels sur %2 venaient de clients sous contrat ; %3 de contacts connus.",
    "called back after <b>%1</b> h (median)": "rappelés après <b>%1</b> h (médiane)",
    # -- printing
    "Print card": "Imprimer la fiche",
    "Printing is not installed on this computer (reportlab is missing).":
        "L'impression n'est pas installée sur cet ordinateur (reportlab manque).",
    "The card could not be printed: %1": "La fiche n'a pas pu être imprimée : %1",
    # -- documents dialog and print preview
    "Documents": "Documents", "&Documents…": "&Documents…", "Period": "Période",
    "Fields": "Champs", "Pre&view": "&Aperçu", "&Print…": "&Imprimer…",
    "&Save as PDF…": "&Enregistrer en PDF…", "Document:": "Document :",
    "Order confirmation (bon pour accord)": "Bon pour accord",
    "Quote (devis)": "Devis", "Callback slip (fiche de rappel)": "Fiche de rappel",
    "Letter (lettre)": "Lettre", "Caller card": "Fiche de l'appelant",
    "Call log of a period": "Journal des appels d'une période",
    "Statistics report of a period": "Rapport statistique d'une période",
    "Lines:": "Lignes :", "Price excl. VAT:": "Prix HT :", "Date:": "Date :",
    "Place:": "Lieu :", "VAT rate (%):": "Taux de TVA (%) :", "Conditions:": "Conditions :",
    "Valid until:": "Valable jusqu'au :", "For (who calls back):": "Pour (qui rappelle) :",
    "Number:": "Numéro :", "Received:": "Reçu le :", "Call back before:": "Rappeler avant :",
    "Message:": "Message :", "Taken by:": "Pris par :", "Body:": "Texte :",
    "Salutation:": "Formule d'appel :", "Closing:": "Formule de politesse :",
    "Their reference:": "Leur référence :",
    "One line each: designation|quantity|unit price excl. VAT, e.g. Boiler service|1|120":
        "Une ligne chacune : désignation|quantité|prix unitaire HT, "
        "p. ex. Entretien chaudière|1|120",
    "30 days after issue": "30 jours après l'émission", "the contact": "le contact",
    "the contact's first number": "le premier numéro du contact", "now": "maintenant",
    "One paragraph a line": "Un paragraphe par ligne",
    "Fields in bold are required.": "Les champs en gras sont obligatoires.",
    "Choose a contact first.": "Choisissez d'abord un contact.",
    "The period ends before it starts.": "La période se termine avant de commencer.",
    "Fill in the required fields: %1": "Remplissez les champs obligatoires : %1",
    "PREVIEW": "APERÇU",
    "Issued under register number %1: %2": "Émis sous le numéro de registre %1 : %2",
    "The printer could not be started.": "L'imprimante n'a pas pu démarrer.",
    "The printer stopped at page %1.": "L'imprimante s'est arrêtée à la page %1.",
    "Print": "Imprimer", "%1 cannot be read: %2": "%1 est illisible : %2",
    "Print preview — %1": "Aperçu avant impression — %1", "Save as PDF…": "Enregistrer en PDF…",
    "Print %1": "Imprimer %1", "Save as PDF": "Enregistrer en PDF",
    "PDF documents (*.pdf)": "Documents PDF (*.pdf)",
    "The PDF could not be saved to %1: %2": "Le PDF n'a pas pu être enregistré dans %1 : %2",
    # -- settings
    "Settings": "Réglages", "&Lines": "&Lignes", "&General": "&Général",
    "&Business": "&Entreprise", "&Users": "&Utilisateurs",
    "New lines are opened the next time the desk starts.":
        "Les nouvelles lignes sont ouvertes au prochain démarrage.",
    "Follow the system": "Comme le système", "Language:": "Langue :",
    "Start CustomScreen when I log in": "Lancer CustomScreen à l’ouverture de session",
    "read-only": "lecture seule", "Read-only": "Lecture seule", "CustomScreen": "CustomScreen",
    "Another CustomScreen journals the calls of this database:\n%1\n\n"
    "This window shows the journal but takes no calls and saves nothing.":
        "Un autre CustomScreen enregistre les appels de cette base :\n%1\n\n"
        "Cette fenêtre montre le journal mais ne prend aucun appel et n’enregistre rien.",
    "Default region:": "Région par défaut :", "Weekly mode schedule:": "Planning des modes :",
    "One slot a line: days, hours, mode (normal, priority, closed).":
        "Un créneau par ligne : jours, heures, mode (normal, priority, closed).",
    "Phone:": "Téléphone :", "Fax:": "Fax :", "Logo:": "Logo :",
    "Signature image:": "Image de signature :", "Choose…": "Choisir…",
    "Choose an image": "Choisir une image", "Images (*.png *.jpg *.jpeg *.svg)":
        "Images (*.png *.jpg *.jpeg *.svg)",
    "&Add…": "&Ajouter…", "&Remove": "&Retirer", "Add a user": "Ajouter un utilisateur",
    "Weekly mode schedule": "Planning des modes",
    "Default region": "Région par défaut",
    "Write the country of the line in two letters, such as FR or BE.":
        "Écrivez le pays de la ligne en deux lettres, par exemple FR ou BE.",
    # -- user dialog
    "Who is at the desk?": "Qui est à l'accueil ?", "&Add a user…": "&Ajouter un utilisateur…",
    "Your name is written on the calls you take and the notes you write.":
        "Votre nom est inscrit sur les appels que vous prenez et les notes que vous écrivez.",
    # -- voicemail tab
    "Called at": "Appelé le", "State": "État", "Why": "Motif",
    "Show &worked items too": "Afficher aussi les messages &traités",
    "Forwar&d to a colleague…": "Tra&nsmettre à un collègue…", "Called bac&k": "Rappe&lé",
    "C&lose": "Cl&ore", "Show ca&rd": "&Voir la fiche", "Voicemail queue": "File de messagerie",
    # -- first-run wizard (ui/firstrun.py)
    "Welcome to CustomScreen": "Bienvenue dans CustomScreen",
    "A few questions to set up this desk; everything can be changed later in the settings.":
        "Quelques questions pour installer ce poste ; tout se change ensuite dans les réglages.",
    "Which language should the desk speak?": "Dans quelle langue le poste doit-il parler ?",
    "France": "France",
    "Belgium": "Belgique",
    "Switzerland": "Suisse",
    "Luxembourg": "Luxembourg",
    "Monaco": "Monaco",
    "Canada": "Canada",
    "United Kingdom": "Royaume-Uni",
    "Germany": "Allemagne",
    "Spain": "Espagne",
    "Italy": "Italie",
    "Your business": "Votre entreprise",
    "Printed at the top of quotes, order confirmations and callback slips.":
        "Imprimé en tête des devis, bons pour accord et fiches de rappel.",
    "Na&me:": "&Nom :",
    "&Address:": "&Adresse :",
    "&Phone:": "&Téléphone :",
    "Fa&x:": "Télé&copie :",
    "&Email:": "&E-mail :",
    "&Country of the line:": "Pa&ys de la ligne :",
    "Numbers written without a country code are read as numbers of this country.":
        "Les numéros écrits sans indicatif sont lus comme des numéros de ce pays.",
    "The telephone line": "La ligne téléphonique",
    "Where CustomScreen hears the calls. Other lines can be added later in the settings.":
        "Où CustomScreen entend les appels. D'autres lignes s'ajoutent ensuite "
        "dans les réglages.",
    "A caller-ID &modem on this computer": "Un &modem présentateur du numéro sur cet ordinateur",
    "No serial port found: plug the modem in, or type its port (COM3, /dev/ttyUSB0).":
        "Aucun port série trouvé : branchez le modem ou tapez son port (COM3, /dev/ttyUSB0).",
    "A &SIP account on the office PBX": "Un compte S&IP sur l'autocommutateur du bureau",
    "Server:": "Serveur :",
    "A &FRITZ!Box (its call monitor)": "Une &FRITZ!Box (son moniteur d'appels)",
    "Switch the call monitor on by dialling #96*5* from a telephone plugged into the box.":
        "Activez le moniteur d'appels en composant #96*5* sur un téléphone branché à la box.",
    "Try the &demo line first (made-up calls)":
        "Essayer d'abord la ligne de &démonstration (appels fictifs)",
    "The people at the desk": "Les personnes à l'accueil",
    "Their names go on the calls they take and the notes they write. At least one.":
        "Leur nom figure sur les appels qu'elles prennent et les notes qu'elles écrivent."
        " Au moins une.",
    "First name, or first name and initial": "Prénom, ou prénom et initiale",
    "&Add": "&Ajouter",
    "Ready": "C'est prêt",
    "Finish writes this configuration and opens the desk.":
        "Terminer enregistre ces réglages et ouvre le poste.",
    "&Start CustomScreen when I log in": "&Démarrer CustomScreen à l'ouverture de session",
    "CustomScreen — first start": "CustomScreen — premier démarrage",
    "modem on %1": "modem sur %1",
    "SIP account %1": "compte SIP %1",
    "FRITZ!Box at %1": "FRITZ!Box à %1",
    "the demo line": "la ligne de démonstration",
    "Language: %1": "Langue : %1",
    "Business: %1": "Entreprise : %1",
    "Country of the line: %1": "Pays de la ligne : %1",
    "Users: %1": "Utilisateurs : %1",
    "You can change all of this later in the settings.":
        "Tout cela se modifie ensuite dans les réglages.",
    # -- issue 13: secrets
    "SIP password": "Mot de passe SIP",
    "SIP passwords are kept apart from the settings, in the system keyring or a file only "
    "you can read: one typed in an address is moved there when you press OK, and the "
    "address is saved without it.":
        "Les mots de passe SIP sont gardés à part des réglages, dans le trousseau du système "
        "ou un fichier lisible par vous seul : celui tapé dans une adresse y est déplacé quand "
        "vous validez, et l'adresse est enregistrée sans lui.",
    # -- issue 13: imports
    "Checking the file… line %1 of %2": "Vérification du fichier… ligne %1 sur %2",
    "Importing contacts… line %1 of %2": "Importation des contacts… ligne %1 sur %2",
    "%1 imported, %2 updated, %3 refused.": "%1 importés, %2 mis à jour, %3 refusés.",
    "and %1 more on the contact's page": "et %1 de plus sur la fiche du contact",
    # -- issue 14: taker and statistics
    "Last week (Mon–Sun)": "Semaine dernière (lun.–dim.)", "Last month": "Mois dernier",
    "<b>%1</b> calls · <b>%2</b> a day on average, weekends included · "
    "<b>%3</b> overdue callbacks · <b>%4</b> open in the voicemail queue":
        "<b>%1</b> appels · <b>%2</b> par jour en moyenne, week-ends compris · "
        "<b>%3</b> rappels en retard · <b>%4</b> ouverts dans la file de messagerie",
    "Nothing to print: open a caller's card, or select a contact, or a call from a contact.":
        "Rien à imprimer : ouvrez la fiche d'un appelant, ou sélectionnez un contact, ou un "
        "appel d'un contact.",
    # -- issue 14: keyboard
    "&Open the caller's contact": "&Ouvrir le contact de l'appelant",
    "&Create a contact for the caller": "&Créer le contact de l'appelant",
    "Call back in &6 months": "Rappel dans &6 mois", "&OK": "&OK", "&Save": "&Enregistrer",
    # -- issue 14: first start
    "no description": "aucune description",
    "(a modem answers)": "(un modem répond)",
    "Looking for a modem on this computer's serial ports…":
        "Recherche d'un modem sur les ports série de cet ordinateur…",
    "A modem answered on %1: it is chosen as the line.":
        "Un modem a répondu sur %1 : il est choisi comme ligne.",
    "No modem answered on this computer's serial ports: the demo line is chosen so you "
    "can try the program; add your line later in the settings.":
        "Aucun modem n'a répondu sur les ports série de cet ordinateur : la ligne de "
        "démonstration est choisie pour que vous puissiez essayer le programme ; ajoutez "
        "votre ligne plus tard dans les réglages.",
    "Daily backup written and verified: %1": "Sauvegarde quotidienne écrite et vérifiée : %1",
    "The daily backup FAILED: %1": "La sauvegarde quotidienne a ÉCHOUÉ : %1",
    "The backup %1 is dated in the future (a wrong clock?): set aside, not counted as a "
    "backup":
        "La sauvegarde %1 est datée dans le futur (une horloge fausse ?) : mise de côté, "
        "elle ne compte pas comme sauvegarde",
    "%1 has never been backed up: leave the desk open at the backup time, or run "
    "“customscreen backup”.":
        "%1 n'a jamais été sauvegardé : laissez le poste ouvert à l'heure de la sauvegarde, "
        "ou lancez « customscreen backup ».",
    "The last verified backup of %1 is from %2 (%3 days ago): check the backup folder (%4) "
    "and run “customscreen backup”.":
        "La dernière sauvegarde vérifiée de %1 date du %2 (il y a %3 jours) : vérifiez le "
        "dossier des sauvegardes (%4) et lancez « customscreen backup ».",
    "Re-applied 1 erasure recorded after this copy was made":
        "1 effacement enregistré après cette copie a été appliqué de nouveau",
    "Re-applied %1 erasures recorded after this copy was made":
        "%1 effacements enregistrés après cette copie ont été appliqués de nouveau",
    "%1; but %2": "%1 ; mais %2",
    "The password of %1 was moved out of the settings to %2":
        "Le mot de passe de %1 a été retiré des réglages et rangé dans %2",
    "The password of %1 could not be kept apart and stays in the settings: %2":
        "Le mot de passe de %1 n'a pas pu être rangé à part et reste dans les réglages : %2",
    "The journal is written again: waiting entries saved: %1":
        "Le journal est de nouveau écrit : entrées en attente enregistrées : %1",
    "%1 calls from before %2 deleted (retention %3 months)":
        "%1 appels d'avant le %2 supprimés (conservation %3 mois)",
    "%1 calls from before %2 anonymised (retention %3 months)":
        "%1 appels d'avant le %2 anonymisés (conservation %3 mois)",
    "The daily chores could not run: %1": "Les tâches quotidiennes n'ont pas pu s'exécuter : %1",
}


def french_spaces(text: str) -> str:
    """French puts a space before : ; ? ! — a no-break one, so a line never starts with it."""
    for mark in (":", ";", "?", "!", "»"):
        text = text.replace(f" {mark}", f"\u00a0{mark}")
    return text.replace("« ", "«\u00a0")


def build() -> int:
    sources = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "ui").glob("*.py"))
    subprocess.run([str(BIN / "pyside6-lupdate"), *sources, "-no-obsolete", "-source-language",
                    "en", "-target-language", "fr", "-ts", str(TS)], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL)
    tree = ET.parse(TS)
    missing = []
    for message in tree.getroot().iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        if translation is None:
            translation = ET.SubElement(message, "translation")
        if source in FR:
            translation.text = french_spaces(FR[source])
            translation.attrib.pop("type", None)
        else:
            missing.append(source)
    tree.write(TS, encoding="utf-8", xml_declaration=True)
    subprocess.run([str(BIN / "pyside6-lrelease"), str(TS), "-qm", str(QM)], check=True,
                   stdout=subprocess.DEVNULL)
    for source in missing:
        print(f"no French for: {source!r}", file=sys.stderr)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(build())
