<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name />
    <message>
        <location filename="../../ui/app.py" line="84" />
        <source>read-only</source>
        <translation>lecture seule</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="87" />
        <source>Read-only</source>
        <translation>Lecture seule</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="88" />
        <source>Another CustomScreen journals the calls of this database:
%1

This window shows the journal but takes no calls and saves nothing.</source>
        <translation>Un autre CustomScreen enregistre les appels de cette base :
%1

Cette fenêtre montre le journal mais ne prend aucun appel et n’enregistre rien.</translation>
    </message>
</context>
<context>
    <name>Bulletin</name>
    <message>
        <location filename="../../ui/i18n.py" line="270" />
        <source>Daily backup written and verified: %1</source>
        <translation>Sauvegarde quotidienne écrite et vérifiée : %1</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="273" />
        <source>The daily backup FAILED: %1</source>
        <translation>La sauvegarde quotidienne a ÉCHOUÉ : %1</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="276" />
        <source>The backup %1 is dated in the future (a wrong clock?): set aside, not counted as a backup</source>
        <translation>La sauvegarde %1 est datée dans le futur (une horloge fausse ?) : mise de côté, elle ne compte pas comme sauvegarde</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="280" />
        <source>%1 has never been backed up: leave the desk open at the backup time, or run “customscreen backup”.</source>
        <translation>%1 n'a jamais été sauvegardé : laissez le poste ouvert à l'heure de la sauvegarde, ou lancez « customscreen backup ».</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="284" />
        <source>The last verified backup of %1 is from %2 (%3 days ago): check the backup folder (%4) and run “customscreen backup”.</source>
        <translation>La dernière sauvegarde vérifiée de %1 date du %2 (il y a %3 jours) : vérifiez le dossier des sauvegardes (%4) et lancez « customscreen backup ».</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="291" />
        <source>Re-applied 1 erasure recorded after this copy was made</source>
        <translation>1 effacement enregistré après cette copie a été appliqué de nouveau</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="292" />
        <source>Re-applied %1 erasures recorded after this copy was made</source>
        <translation>%1 effacements enregistrés après cette copie ont été appliqués de nouveau</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="296" />
        <source>%1; but %2</source>
        <translation>%1 ; mais %2</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="300" />
        <source>The password of %1 was moved out of the settings to %2</source>
        <translation>Le mot de passe de %1 a été retiré des réglages et rangé dans %2</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="304" />
        <source>The password of %1 could not be kept apart and stays in the settings: %2</source>
        <translation>Le mot de passe de %1 n'a pas pu être rangé à part et reste dans les réglages : %2</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="308" />
        <source>The journal is written again: waiting entries saved: %1</source>
        <translation>Le journal est de nouveau écrit : entrées en attente enregistrées : %1</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="312" />
        <source>%1 calls from before %2 deleted (retention %3 months)</source>
        <translation>%1 appels d'avant le %2 supprimés (conservation %3 mois)</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="313" />
        <source>%1 calls from before %2 anonymised (retention %3 months)</source>
        <translation>%1 appels d'avant le %2 anonymisés (conservation %3 mois)</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="318" />
        <source>The daily chores could not run: %1</source>
        <translation>Les tâches quotidiennes n'ont pas pu s'exécuter : %1</translation>
    </message>
</context>
<context>
    <name>CallbackDialog</name>
    <message>
        <location filename="../../ui/callback_dialog.py" line="30" />
        <source>Callback slip</source>
        <translation>Fiche de rappel</translation>
    </message>
    <message>
        <location filename="../../ui/callback_dialog.py" line="39" />
        <source>What it is about</source>
        <translation>À quel sujet</translation>
    </message>
    <message>
        <location filename="../../ui/callback_dialog.py" line="45" />
        <source>Caller:</source>
        <translation>Appelant :</translation>
    </message>
    <message>
        <location filename="../../ui/callback_dialog.py" line="45" />
        <source>unknown caller</source>
        <translation>appelant inconnu</translation>
    </message>
    <message>
        <location filename="../../ui/callback_dialog.py" line="46" />
        <source>Call back by:</source>
        <translation>Rappel par :</translation>
    </message>
    <message>
        <location filename="../../ui/callback_dialog.py" line="47" />
        <source>Due:</source>
        <translation>Échéance :</translation>
    </message>
    <message>
        <location filename="../../ui/callback_dialog.py" line="48" />
        <source>Subject:</source>
        <translation>Objet :</translation>
    </message>
    <message>
        <location filename="../../ui/callback_dialog.py" line="62" />
        <source>In a few words, what came of it?</source>
        <translation>En quelques mots, qu'en est-il ressorti ?</translation>
    </message>
</context>
<context>
    <name>CallbacksTab</name>
    <message>
        <location filename="../../ui/callbacks_tab.py" line="70" />
        <source>Due today</source>
        <translation>À rappeler aujourd'hui</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks_tab.py" line="70" />
        <source>Overdue</source>
        <translation>En retard</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks_tab.py" line="71" />
        <source>All open callbacks</source>
        <translation>Tous les rappels ouverts</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks_tab.py" line="71" />
        <source>All callbacks</source>
        <translation>Tous les rappels</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks_tab.py" line="77" />
        <source>Due</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks_tab.py" line="77" />
        <source>Caller</source>
        <translation>Appelant</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks_tab.py" line="77" />
        <source>Number</source>
        <translation>Numéro</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks_tab.py" line="77" />
        <source>Subject</source>
        <translation>Objet</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks_tab.py" line="78" />
        <source>Assigned to</source>
        <translation>Attribué à</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks_tab.py" line="78" />
        <source>Created by</source>
        <translation>Créé par</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks_tab.py" line="78" />
        <source>Outcome</source>
        <translation>Issue</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks_tab.py" line="80" />
        <source>Mark &amp;done…</source>
        <translation>Marquer fai&amp;t…</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks_tab.py" line="81" />
        <source>Call back again in &amp;6 months</source>
        <translation>Rappeler dans &amp;6 mois</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks_tab.py" line="97" />
        <source>overdue</source>
        <translation>en retard</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks_tab.py" line="99" />
        <source>unknown caller</source>
        <translation>appelant inconnu</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks_tab.py" line="102" />
        <source>done</source>
        <translation>fait</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks_tab.py" line="120" />
        <source>Callback done</source>
        <translation>Rappel fait</translation>
    </message>
    <message>
        <location filename="../../ui/callbacks_tab.py" line="126" />
        <source>Callbacks</source>
        <translation>Rappels</translation>
    </message>
</context>
<context>
    <name>CallerCard</name>
    <message>
        <location filename="../../ui/card.py" line="94" />
        <source>Withheld number</source>
        <translation>Numéro masqué</translation>
    </message>
    <message>
        <location filename="../../ui/card.py" line="95" />
        <source>Unknown caller</source>
        <translation>Appelant inconnu</translation>
    </message>
    <message>
        <location filename="../../ui/card.py" line="118" />
        <source>Close the card (Escape)</source>
        <translation>Fermer la fiche (Échap)</translation>
    </message>
    <message>
        <location filename="../../ui/card.py" line="131" />
        <source>Network name: %1</source>
        <translation>Nom transmis : %1</translation>
    </message>
    <message>
        <location filename="../../ui/card.py" line="146" />
        <source>always gets through</source>
        <translation>passe toujours</translation>
    </message>
    <message>
        <location filename="../../ui/card.py" line="152" />
        <source>no number</source>
        <translation>pas de numéro</translation>
    </message>
    <message>
        <location filename="../../ui/card.py" line="200" />
        <source>and %1 more on the contact's page</source>
        <translation>et %1 de plus sur la fiche du contact</translation>
    </message>
    <message>
        <location filename="../../ui/card.py" line="205" />
        <source>Last calls</source>
        <translation>Derniers appels</translation>
    </message>
    <message>
        <location filename="../../ui/card.py" line="207" />
        <source>No earlier call</source>
        <translation>Aucun appel précédent</translation>
    </message>
    <message>
        <location filename="../../ui/card.py" line="217" />
        <source>Open callbacks</source>
        <translation>Rappels ouverts</translation>
    </message>
    <message>
        <location filename="../../ui/card.py" line="219" />
        <source>%1 for %2: %3</source>
        <translation>%1 pour %2 : %3</translation>
    </message>
    <message>
        <location filename="../../ui/card.py" line="231" />
        <source>&amp;Open contact</source>
        <translation>&amp;Ouvrir le contact</translation>
    </message>
    <message>
        <location filename="../../ui/card.py" line="234" />
        <source>&amp;Create contact</source>
        <translation>&amp;Créer le contact</translation>
    </message>
    <message>
        <location filename="../../ui/card.py" line="238" />
        <source>&amp;Note</source>
        <translation>&amp;Note</translation>
    </message>
    <message>
        <location filename="../../ui/card.py" line="241" />
        <source>Call &amp;back…</source>
        <translation>&amp;Rappel…</translation>
    </message>
    <message>
        <location filename="../../ui/card.py" line="243" />
        <source>In &amp;6 months</source>
        <translation>Dans &amp;6 mois</translation>
    </message>
    <message>
        <location filename="../../ui/card.py" line="244" />
        <source>Create a callback six months from today, in one click</source>
        <translation>Créer un rappel dans six mois, en un clic</translation>
    </message>
    <message>
        <location filename="../../ui/card.py" line="246" />
        <source>&amp;Print</source>
        <translation>&amp;Imprimer</translation>
    </message>
</context>
<context>
    <name>CallsModel</name>
    <message>
        <location filename="../../ui/calls_model.py" line="57" />
        <source>When</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../ui/calls_model.py" line="57" />
        <source>Number</source>
        <translation>Numéro</translation>
    </message>
    <message>
        <location filename="../../ui/calls_model.py" line="57" />
        <source>Caller</source>
        <translation>Appelant</translation>
    </message>
    <message>
        <location filename="../../ui/calls_model.py" line="57" />
        <source>Outcome</source>
        <translation>Issue</translation>
    </message>
    <message>
        <location filename="../../ui/calls_model.py" line="58" />
        <source>Decision</source>
        <translation>Décision</translation>
    </message>
    <message>
        <location filename="../../ui/calls_model.py" line="58" />
        <source>Duration</source>
        <translation>Durée</translation>
    </message>
    <message>
        <location filename="../../ui/calls_model.py" line="58" />
        <source>Handled by</source>
        <translation>Pris par</translation>
    </message>
    <message>
        <location filename="../../ui/calls_model.py" line="58" />
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../ui/calls_model.py" line="85" />
        <source>withheld</source>
        <translation>masqué</translation>
    </message>
</context>
<context>
    <name>CallsTab</name>
    <message>
        <location filename="../../ui/calls_tab.py" line="137" />
        <source>From</source>
        <translation>Du</translation>
    </message>
    <message>
        <location filename="../../ui/calls_tab.py" line="138" />
        <source>to</source>
        <translation>au</translation>
    </message>
    <message>
        <location filename="../../ui/calls_tab.py" line="139" />
        <source>To (inclusive)</source>
        <translation>Au (inclus)</translation>
    </message>
    <message>
        <location filename="../../ui/calls_tab.py" line="140" />
        <source>&amp;Today</source>
        <translation>Au&amp;jourd'hui</translation>
    </message>
    <message>
        <location filename="../../ui/calls_tab.py" line="141" />
        <source>Search number, name or note…</source>
        <translation>Chercher un numéro, un nom, une note…</translation>
    </message>
    <message>
        <location filename="../../ui/calls_tab.py" line="142" />
        <source>All outcomes</source>
        <translation>Toutes issues</translation>
    </message>
    <message>
        <location filename="../../ui/calls_tab.py" line="143" />
        <source>All decisions</source>
        <translation>Toutes décisions</translation>
    </message>
    <message>
        <location filename="../../ui/calls_tab.py" line="145" />
        <source>Anyone</source>
        <translation>Tout le monde</translation>
    </message>
    <message>
        <location filename="../../ui/calls_tab.py" line="146" />
        <source>Selected call</source>
        <translation>Appel sélectionné</translation>
    </message>
    <message>
        <location filename="../../ui/calls_tab.py" line="147" />
        <source>Note:</source>
        <translation>Note :</translation>
    </message>
    <message>
        <location filename="../../ui/calls_tab.py" line="148" />
        <source>Routing:</source>
        <translation>Aiguillage :</translation>
    </message>
    <message>
        <location filename="../../ui/calls_tab.py" line="149" />
        <source>Reason:</source>
        <translation>Motif :</translation>
    </message>
    <message>
        <location filename="../../ui/calls_tab.py" line="150" />
        <source>Save &amp;note</source>
        <translation>Enregistrer la &amp;note</translation>
    </message>
    <message>
        <location filename="../../ui/calls_tab.py" line="151" />
        <source>Show the calls of everyone again</source>
        <translation>Revoir les appels de tout le monde</translation>
    </message>
    <message>
        <location filename="../../ui/calls_tab.py" line="185" />
        <source>%1 calls</source>
        <translation>%1 appels</translation>
    </message>
</context>
<context>
    <name>Chart</name>
    <message>
        <location filename="../../ui/charts.py" line="46" />
        <source>No data</source>
        <translation>Aucune donnée</translation>
    </message>
</context>
<context>
    <name>ContactEditor</name>
    <message>
        <location filename="../../ui/contact_editor.py" line="43" />
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <location filename="../../ui/contact_editor.py" line="44" />
        <source>Contact: %1</source>
        <translation>Contact : %1</translation>
    </message>
    <message>
        <location filename="../../ui/contact_editor.py" line="47" />
        <source>&amp;Identity</source>
        <translation>&amp;Identité</translation>
    </message>
    <message>
        <location filename="../../ui/contact_editor.py" line="48" />
        <source>Co&amp;ntract</source>
        <translation>Co&amp;ntrat</translation>
    </message>
    <message>
        <location filename="../../ui/contact_editor.py" line="49" />
        <source>Custom &amp;fields</source>
        <translation>&amp;Champs personnalisés</translation>
    </message>
    <message>
        <location filename="../../ui/contact_editor.py" line="52" />
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <location filename="../../ui/contact_editor.py" line="70" />
        <source>Person</source>
        <translation>Personne</translation>
    </message>
    <message>
        <location filename="../../ui/contact_editor.py" line="71" />
        <source>Company</source>
        <translation>Société</translation>
    </message>
    <message>
        <location filename="../../ui/contact_editor.py" line="74" />
        <source>Company this person works for</source>
        <translation>Société où travaille cette personne</translation>
    </message>
    <message>
        <location filename="../../ui/contact_editor.py" line="77" />
        <source>Number</source>
        <translation>Numéro</translation>
    </message>
    <message>
        <location filename="../../ui/contact_editor.py" line="77" />
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../ui/contact_editor.py" line="81" />
        <source>&amp;Add number</source>
        <translation>&amp;Ajouter un numéro</translation>
    </message>
    <message>
        <location filename="../../ui/contact_editor.py" line="83" />
        <source>&amp;Remove number</source>
        <translation>&amp;Retirer le numéro</translation>
    </message>
    <message>
        <location filename="../../ui/contact_editor.py" line="85" />
        <source>Always &amp;gets through, even on busy days</source>
        <translation>&amp;Passe toujours, même les jours chargés</translation>
    </message>
    <message>
        <location filename="../../ui/contact_editor.py" line="87" />
        <source>&amp;Blocked: never put through</source>
        <translation>&amp;Bloqué : jamais mis en relation</translation>
    </message>
    <message>
        <location filename="../../ui/contact_editor.py" line="91" />
        <source>Name:</source>
        <translation>Nom :</translation>
    </message>
    <message>
        <location filename="../../ui/contact_editor.py" line="92" />
        <source>Kind:</source>
        <translation>Type :</translation>
    </message>
    <message>
        <location filename="../../ui/contact_editor.py" line="93" />
        <source>Company:</source>
        <translation>Société :</translation>
    </message>
    <message>
        <location filename="../../ui/contact_editor.py" line="94" />
        <source>Phones:</source>
        <translation>Téléphones :</translation>
    </message>
    <message>
        <location filename="../../ui/contact_editor.py" line="100" />
        <source>Email:</source>
        <translation>Courriel :</translation>
    </message>
    <message>
        <location filename="../../ui/contact_editor.py" line="101" />
        <source>Address:</source>
        <translation>Adresse :</translation>
    </message>
    <message>
        <location filename="../../ui/contact_editor.py" line="104" />
        <source>Notes:</source>
        <translation>Notes :</translation>
    </message>
    <message>
        <location filename="../../ui/contact_editor.py" line="119" />
        <source>Maintenance contract</source>
        <translation>Contrat de maintenance</translation>
    </message>
    <message>
        <location filename="../../ui/contact_editor.py" line="126" />
        <source>gold, 24/7, standard…</source>
        <translation>or, 24/7, standard…</translation>
    </message>
    <message>
        <location filename="../../ui/contact_editor.py" line="128" />
        <source>Status:</source>
        <translation>Statut :</translation>
    </message>
    <message>
        <location filename="../../ui/contact_editor.py" line="129" />
        <source>Reference:</source>
        <translation>Référence :</translation>
    </message>
    <message>
        <location filename="../../ui/contact_editor.py" line="130" />
        <source>Start:</source>
        <translation>Début :</translation>
    </message>
    <message>
        <location filename="../../ui/contact_editor.py" line="131" />
        <source>End:</source>
        <translation>Fin :</translation>
    </message>
    <message>
        <location filename="../../ui/contact_editor.py" line="132" />
        <source>Maintenance level:</source>
        <translation>Niveau de maintenance :</translation>
    </message>
    <message>
        <location filename="../../ui/contact_editor.py" line="142" />
        <source>no date</source>
        <translation>pas de date</translation>
    </message>
    <message>
        <location filename="../../ui/contact_editor.py" line="149" />
        <source>Field</source>
        <translation>Champ</translation>
    </message>
    <message>
        <location filename="../../ui/contact_editor.py" line="149" />
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <location filename="../../ui/contact_editor.py" line="153" />
        <source>A&amp;dd field</source>
        <translation>Ajouter un c&amp;hamp</translation>
    </message>
    <message>
        <location filename="../../ui/contact_editor.py" line="155" />
        <source>Remove fi&amp;eld</source>
        <translation>Retirer le ch&amp;amp</translation>
    </message>
    <message>
        <location filename="../../ui/contact_editor.py" line="186" />
        <source>There is no company called %1; create it first</source>
        <translation>Il n'y a pas de société nommée %1 ; créez-la d'abord</translation>
    </message>
    <message>
        <location filename="../../ui/contact_editor.py" line="196" />
        <source>%1 is not a phone number</source>
        <translation>%1 n'est pas un numéro de téléphone</translation>
    </message>
    <message>
        <location filename="../../ui/contact_editor.py" line="217" />
        <source>A contact needs a name</source>
        <translation>Un contact doit avoir un nom</translation>
    </message>
    <message>
        <location filename="../../ui/contact_editor.py" line="220" />
        <source>Contact not saved</source>
        <translation>Contact non enregistré</translation>
    </message>
</context>
<context>
    <name>ContactsTab</name>
    <message>
        <location filename="../../ui/contacts_tab.py" line="111" />
        <source>Search a name, company, number or note…</source>
        <translation>Chercher un nom, une société, un numéro, une note…</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_tab.py" line="113" />
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_tab.py" line="113" />
        <source>Company</source>
        <translation>Société</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_tab.py" line="113" />
        <source>Numbers</source>
        <translation>Numéros</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_tab.py" line="114" />
        <source>People of this company</source>
        <translation>Personnes de cette société</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_tab.py" line="115" />
        <source>&amp;New…</source>
        <translation>&amp;Nouveau…</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_tab.py" line="116" />
        <source>&amp;Edit…</source>
        <translation>Mo&amp;difier…</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_tab.py" line="117" />
        <source>&amp;Delete</source>
        <translation>S&amp;upprimer</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_tab.py" line="178" />
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_tab.py" line="248" />
        <source>Delete contact</source>
        <translation>Supprimer le contact</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_tab.py" line="249" />
        <source>Delete %1? Their calls stay in the journal.</source>
        <translation>Supprimer %1 ? Ses appels restent dans le journal.</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_tab.py" line="267" />
        <location filename="../../ui/contacts_tab.py" line="292" />
        <location filename="../../ui/contacts_tab.py" line="314" />
        <location filename="../../ui/contacts_tab.py" line="325" />
        <source>Import contacts</source>
        <translation>Importer des contacts</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_tab.py" line="267" />
        <source>Contacts (*.csv *.vcf)</source>
        <translation>Contacts (*.csv *.vcf)</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_tab.py" line="304" />
        <source>Checking the file… line %1 of %2</source>
        <translation>Vérification du fichier… ligne %1 sur %2</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_tab.py" line="306" />
        <source>Importing contacts… line %1 of %2</source>
        <translation>Importation des contacts… ligne %1 sur %2</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_tab.py" line="315" />
        <source>%1 imported, %2 updated, %3 refused.</source>
        <translation>%1 importés, %2 mis à jour, %3 refusés.</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_tab.py" line="307" />
        <source>Taking back what was imported… %1 of %2</source>
        <translation>Retrait de ce qui a été importé… %1 sur %2</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_tab.py" line="118" />
        <source>T&amp;heir calls</source>
        <translation>&amp;Leurs appels</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_tab.py" line="326" />
        <source>%1

Nothing was imported: the contacts are as they were.</source>
        <translation>%1

Rien n'a été importé : les contacts sont tels qu'ils étaient.</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_tab.py" line="335" />
        <source>Some rows cannot be imported</source>
        <translation>Certaines lignes ne peuvent pas être importées</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_tab.py" line="339" />
        <source>&amp;Skip invalid rows and import the others</source>
        <translation>&amp;Ignorer les lignes invalides et importer les autres</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_tab.py" line="344" />
        <source>Nothing was imported. These rows are wrong:</source>
        <translation>Rien n'a été importé. Ces lignes sont incorrectes :</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_tab.py" line="353" />
        <location filename="../../ui/contacts_tab.py" line="361" />
        <location filename="../../ui/contacts_tab.py" line="363" />
        <source>Export contacts</source>
        <translation>Exporter les contacts</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_tab.py" line="354" />
        <source>CSV (*.csv);;vCard (*.vcf)</source>
        <translation>CSV (*.csv);;vCard (*.vcf)</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_tab.py" line="364" />
        <source>%1 contacts written to %2.</source>
        <translation>%1 contacts écrits dans %2.</translation>
    </message>
</context>
<context>
    <name>Desk</name>
    <message>
        <location filename="../../ui/desk.py" line="104" />
        <source>CustomScreen</source>
        <extracomment>How long the status bar says there is nothing to print. What the daily chores did (backup, retention), a Bulletin, from their own thread.</extracomment>
        <translation>CustomScreen</translation>
    </message>
    <message>
        <location filename="../../ui/desk.py" line="185" />
        <source>The journal cannot be written (%1 calls waiting): %2</source>
        <translation>Le journal ne peut pas être écrit (%1 appels en attente) : %2</translation>
    </message>
    <message>
        <location filename="../../ui/desk.py" line="188" />
        <source>Journal</source>
        <translation>Journal</translation>
    </message>
    <message>
        <location filename="../../ui/desk.py" line="239" />
        <source>Note on this call</source>
        <translation>Note sur cet appel</translation>
    </message>
    <message>
        <location filename="../../ui/desk.py" line="240" />
        <source>Note on the call from %1:</source>
        <translation>Note sur l'appel de %1 :</translation>
    </message>
    <message>
        <location filename="../../ui/desk.py" line="252" />
        <source>Call back in %1 months</source>
        <translation>Rappeler dans %1 mois</translation>
    </message>
    <message>
        <location filename="../../ui/desk.py" line="266" />
        <source>Callback created for %1, due %2</source>
        <translation>Rappel créé pour %1, échéance %2</translation>
    </message>
    <message>
        <location filename="../../ui/desk.py" line="309" />
        <source>Nothing to print: open a caller's card, or select a contact, or a call from a contact.</source>
        <translation>Rien à imprimer : ouvrez la fiche d'un appelant, ou sélectionnez un contact, ou un appel d'un contact.</translation>
    </message>
    <message>
        <location filename="../../ui/desk.py" line="318" />
        <source>Documents</source>
        <translation>Documents</translation>
    </message>
    <message>
        <location filename="../../ui/desk.py" line="319" />
        <source>Printing is not installed on this computer (reportlab is missing).</source>
        <translation>L'impression n'est pas installée sur cet ordinateur (reportlab manque).</translation>
    </message>
    <message>
        <location filename="../../ui/desk.py" line="337" />
        <source>Call back %1 (%2) — for %3</source>
        <translation>Rappeler %1 (%2) — pour %3</translation>
    </message>
    <message>
        <location filename="../../ui/desk.py" line="341" />
        <source>and %1 more</source>
        <translation>et %1 autres</translation>
    </message>
    <message>
        <location filename="../../ui/desk.py" line="342" />
        <source>Callback due</source>
        <translation>Rappel à faire</translation>
    </message>
    <message>
        <location filename="../../ui/desk.py" line="369" />
        <source>Lines</source>
        <translation>Lignes</translation>
    </message>
    <message>
        <location filename="../../ui/desk.py" line="370" />
        <source>Some lines could not be opened:</source>
        <translation>Certaines lignes n'ont pas pu être ouvertes :</translation>
    </message>
</context>
<context>
    <name>DeskTray</name>
    <message>
        <location filename="../../ui/tray.py" line="67" />
        <source>&amp;Open CustomScreen</source>
        <translation>&amp;Ouvrir CustomScreen</translation>
    </message>
    <message>
        <location filename="../../ui/tray.py" line="68" />
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location filename="../../ui/tray.py" line="72" />
        <source>CustomScreen — line: %1 — mode: %2</source>
        <translation>CustomScreen — ligne : %1 — mode : %2</translation>
    </message>
    <message>
        <location filename="../../ui/tray.py" line="75" />
        <source>%1 new in the voicemail queue</source>
        <translation>%1 nouveaux dans la file de messagerie</translation>
    </message>
</context>
<context>
    <name>DocumentsDialog</name>
    <message>
        <location filename="../../ui/documents_dialog.py" line="75" />
        <location filename="../../ui/documents_dialog.py" line="314" />
        <source>Documents</source>
        <extracomment>Fields that hold paragraphs or one order line a line. A period as the Statistics tab holds it: its preset, its first and last day.</extracomment>
        <translation>Documents</translation>
    </message>
    <message>
        <location filename="../../ui/documents_dialog.py" line="80" />
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <location filename="../../ui/documents_dialog.py" line="82" />
        <source>Search a name, company, number or note…</source>
        <translation>Chercher un nom, une société, un numéro, une note…</translation>
    </message>
    <message>
        <location filename="../../ui/documents_dialog.py" line="90" />
        <source>Period</source>
        <translation>Période</translation>
    </message>
    <message>
        <location filename="../../ui/documents_dialog.py" line="100" />
        <source>Fields</source>
        <translation>Champs</translation>
    </message>
    <message>
        <location filename="../../ui/documents_dialog.py" line="108" />
        <source>Pre&amp;view</source>
        <translation>&amp;Aperçu</translation>
    </message>
    <message>
        <location filename="../../ui/documents_dialog.py" line="109" />
        <source>&amp;Print…</source>
        <translation>&amp;Imprimer…</translation>
    </message>
    <message>
        <location filename="../../ui/documents_dialog.py" line="110" />
        <source>&amp;Save as PDF…</source>
        <translation>&amp;Enregistrer en PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/documents_dialog.py" line="120" />
        <source>Document:</source>
        <translation>Document :</translation>
    </message>
    <message>
        <location filename="../../ui/documents_dialog.py" line="143" />
        <source>Order confirmation (bon pour accord)</source>
        <translation>Bon pour accord</translation>
    </message>
    <message>
        <location filename="../../ui/documents_dialog.py" line="144" />
        <source>Quote (devis)</source>
        <translation>Devis</translation>
    </message>
    <message>
        <location filename="../../ui/documents_dialog.py" line="145" />
        <source>Callback slip (fiche de rappel)</source>
        <translation>Fiche de rappel</translation>
    </message>
    <message>
        <location filename="../../ui/documents_dialog.py" line="146" />
        <source>Letter (lettre)</source>
        <translation>Lettre</translation>
    </message>
    <message>
        <location filename="../../ui/documents_dialog.py" line="148" />
        <source>Caller card</source>
        <translation>Fiche de l'appelant</translation>
    </message>
    <message>
        <location filename="../../ui/documents_dialog.py" line="148" />
        <source>Call log of a period</source>
        <translation>Journal des appels d'une période</translation>
    </message>
    <message>
        <location filename="../../ui/documents_dialog.py" line="149" />
        <source>Statistics report of a period</source>
        <translation>Rapport statistique d'une période</translation>
    </message>
    <message>
        <location filename="../../ui/documents_dialog.py" line="154" />
        <source>Subject:</source>
        <translation>Objet :</translation>
    </message>
    <message>
        <location filename="../../ui/documents_dialog.py" line="154" />
        <source>Lines:</source>
        <translation>Lignes :</translation>
    </message>
    <message>
        <location filename="../../ui/documents_dialog.py" line="155" />
        <source>Price excl. VAT:</source>
        <translation>Prix HT :</translation>
    </message>
    <message>
        <location filename="../../ui/documents_dialog.py" line="155" />
        <source>Date:</source>
        <translation>Date :</translation>
    </message>
    <message>
        <location filename="../../ui/documents_dialog.py" line="156" />
        <source>Place:</source>
        <translation>Lieu :</translation>
    </message>
    <message>
        <location filename="../../ui/documents_dialog.py" line="156" />
        <source>VAT rate (%):</source>
        <translation>Taux de TVA (%) :</translation>
    </message>
    <message>
        <location filename="../../ui/documents_dialog.py" line="157" />
        <source>Conditions:</source>
        <translation>Conditions :</translation>
    </message>
    <message>
        <location filename="../../ui/documents_dialog.py" line="157" />
        <source>Valid until:</source>
        <translation>Valable jusqu'au :</translation>
    </message>
    <message>
        <location filename="../../ui/documents_dialog.py" line="158" />
        <source>For (who calls back):</source>
        <translation>Pour (qui rappelle) :</translation>
    </message>
    <message>
        <location filename="../../ui/documents_dialog.py" line="158" />
        <source>Caller:</source>
        <translation>Appelant :</translation>
    </message>
    <message>
        <location filename="../../ui/documents_dialog.py" line="159" />
        <source>Number:</source>
        <translation>Numéro :</translation>
    </message>
    <message>
        <location filename="../../ui/documents_dialog.py" line="159" />
        <source>Received:</source>
        <translation>Reçu le :</translation>
    </message>
    <message>
        <location filename="../../ui/documents_dialog.py" line="160" />
        <source>Call back before:</source>
        <translation>Rappeler avant :</translation>
    </message>
    <message>
        <location filename="../../ui/documents_dialog.py" line="160" />
        <source>Message:</source>
        <translation>Message :</translation>
    </message>
    <message>
        <location filename="../../ui/documents_dialog.py" line="161" />
        <source>Taken by:</source>
        <translation>Pris par :</translation>
    </message>
    <message>
        <location filename="../../ui/documents_dialog.py" line="161" />
        <source>Body:</source>
        <translation>Texte :</translation>
    </message>
    <message>
        <location filename="../../ui/documents_dialog.py" line="162" />
        <source>Salutation:</source>
        <translation>Formule d'appel :</translation>
    </message>
    <message>
        <location filename="../../ui/documents_dialog.py" line="162" />
        <source>Closing:</source>
        <translation>Formule de politesse :</translation>
    </message>
    <message>
        <location filename="../../ui/documents_dialog.py" line="163" />
        <source>Their reference:</source>
        <translation>Leur référence :</translation>
    </message>
    <message>
        <location filename="../../ui/documents_dialog.py" line="163" />
        <source>Notes:</source>
        <translation>Notes :</translation>
    </message>
    <message>
        <location filename="../../ui/documents_dialog.py" line="168" />
        <source>One line each: designation|quantity|unit price excl. VAT, e.g. Boiler service|1|120</source>
        <translation>Une ligne chacune : désignation|quantité|prix unitaire HT, p. ex. Entretien chaudière|1|120</translation>
    </message>
    <message>
        <location filename="../../ui/documents_dialog.py" line="170" />
        <source>30 days after issue</source>
        <translation>30 jours après l'émission</translation>
    </message>
    <message>
        <location filename="../../ui/documents_dialog.py" line="171" />
        <source>the contact</source>
        <translation>le contact</translation>
    </message>
    <message>
        <location filename="../../ui/documents_dialog.py" line="171" />
        <source>the contact's first number</source>
        <translation>le premier numéro du contact</translation>
    </message>
    <message>
        <location filename="../../ui/documents_dialog.py" line="172" />
        <source>now</source>
        <translation>maintenant</translation>
    </message>
    <message>
        <location filename="../../ui/documents_dialog.py" line="173" />
        <source>One paragraph a line</source>
        <translation>Un paragraphe par ligne</translation>
    </message>
    <message>
        <location filename="../../ui/documents_dialog.py" line="213" />
        <source>Fields in bold are required.</source>
        <translation>Les champs en gras sont obligatoires.</translation>
    </message>
    <message>
        <location filename="../../ui/documents_dialog.py" line="240" />
        <source>Choose a contact first.</source>
        <translation>Choisissez d'abord un contact.</translation>
    </message>
    <message>
        <location filename="../../ui/documents_dialog.py" line="248" />
        <source>The period ends before it starts.</source>
        <translation>La période se termine avant de commencer.</translation>
    </message>
    <message>
        <location filename="../../ui/documents_dialog.py" line="261" />
        <source>Fill in the required fields: %1</source>
        <translation>Remplissez les champs obligatoires : %1</translation>
    </message>
    <message>
        <location filename="../../ui/documents_dialog.py" line="298" />
        <source>PREVIEW</source>
        <translation>APERÇU</translation>
    </message>
    <message>
        <location filename="../../ui/documents_dialog.py" line="306" />
        <source>Issued under register number %1: %2</source>
        <translation>Émis sous le numéro de registre %1 : %2</translation>
    </message>
</context>
<context>
    <name>FirstRun</name>
    <message>
        <location filename="../../ui/firstrun_pages.py" line="74" />
        <source>Welcome to CustomScreen</source>
        <translation>Bienvenue dans CustomScreen</translation>
    </message>
    <message>
        <location filename="../../ui/firstrun_pages.py" line="76" />
        <source>A few questions to set up this desk; everything can be changed later in the settings.</source>
        <translation>Quelques questions pour installer ce poste ; tout se change ensuite dans les réglages.</translation>
    </message>
    <message>
        <location filename="../../ui/firstrun_pages.py" line="83" />
        <source>Which language should the desk speak?</source>
        <translation>Dans quelle langue le poste doit-il parler ?</translation>
    </message>
    <message>
        <location filename="../../ui/firstrun_pages.py" line="89" />
        <source>France</source>
        <translation>France</translation>
    </message>
    <message>
        <location filename="../../ui/firstrun_pages.py" line="90" />
        <source>Belgium</source>
        <translation>Belgique</translation>
    </message>
    <message>
        <location filename="../../ui/firstrun_pages.py" line="91" />
        <source>Switzerland</source>
        <translation>Suisse</translation>
    </message>
    <message>
        <location filename="../../ui/firstrun_pages.py" line="92" />
        <source>Luxembourg</source>
        <translation>Luxembourg</translation>
    </message>
    <message>
        <location filename="../../ui/firstrun_pages.py" line="93" />
        <source>Monaco</source>
        <translation>Monaco</translation>
    </message>
    <message>
        <location filename="../../ui/firstrun_pages.py" line="94" />
        <source>Canada</source>
        <translation>Canada</translation>
    </message>
    <message>
        <location filename="../../ui/firstrun_pages.py" line="95" />
        <source>United Kingdom</source>
        <translation>Royaume-Uni</translation>
    </message>
    <message>
        <location filename="../../ui/firstrun_pages.py" line="96" />
        <source>Germany</source>
        <translation>Allemagne</translation>
    </message>
    <message>
        <location filename="../../ui/firstrun_pages.py" line="97" />
        <source>Spain</source>
        <translation>Espagne</translation>
    </message>
    <message>
        <location filename="../../ui/firstrun_pages.py" line="98" />
        <source>Italy</source>
        <translation>Italie</translation>
    </message>
    <message>
        <location filename="../../ui/firstrun_pages.py" line="146" />
        <source>Your business</source>
        <translation>Votre entreprise</translation>
    </message>
    <message>
        <location filename="../../ui/firstrun_pages.py" line="148" />
        <source>Printed at the top of quotes, order confirmations and callback slips.</source>
        <translation>Imprimé en tête des devis, bons pour accord et fiches de rappel.</translation>
    </message>
    <message>
        <location filename="../../ui/firstrun_pages.py" line="153" />
        <source>Na&amp;me:</source>
        <translation>&amp;Nom :</translation>
    </message>
    <message>
        <location filename="../../ui/firstrun_pages.py" line="154" />
        <source>&amp;Address:</source>
        <translation>&amp;Adresse :</translation>
    </message>
    <message>
        <location filename="../../ui/firstrun_pages.py" line="155" />
        <source>&amp;Phone:</source>
        <translation>&amp;Téléphone :</translation>
    </message>
    <message>
        <location filename="../../ui/firstrun_pages.py" line="156" />
        <source>Fa&amp;x:</source>
        <translation>Télé&amp;copie :</translation>
    </message>
    <message>
        <location filename="../../ui/firstrun_pages.py" line="157" />
        <source>&amp;Email:</source>
        <translation>&amp;E-mail :</translation>
    </message>
    <message>
        <location filename="../../ui/firstrun_pages.py" line="158" />
        <source>&amp;Country of the line:</source>
        <translation>Pa&amp;ys de la ligne :</translation>
    </message>
    <message>
        <location filename="../../ui/firstrun_pages.py" line="166" />
        <source>Numbers written without a country code are read as numbers of this country.</source>
        <translation>Les numéros écrits sans indicatif sont lus comme des numéros de ce pays.</translation>
    </message>
    <message>
        <location filename="../../ui/firstrun_line.py" line="142" />
        <source>(a modem answers)</source>
        <extracomment>Asks the serial ports; gives the devices where a modem answered. How often the page looks whether the search has ended (it never waits for it).</extracomment>
        <translation>(un modem répond)</translation>
    </message>
    <message>
        <location filename="../../ui/firstrun_line.py" line="183" />
        <source>The telephone line</source>
        <translation>La ligne téléphonique</translation>
    </message>
    <message>
        <location filename="../../ui/firstrun_line.py" line="185" />
        <source>Where CustomScreen hears the calls. Other lines can be added later in the settings.</source>
        <translation>Où CustomScreen entend les appels. D'autres lignes s'ajoutent ensuite dans les réglages.</translation>
    </message>
    <message>
        <location filename="../../ui/firstrun_line.py" line="192" />
        <source>A caller-ID &amp;modem on this computer</source>
        <translation>Un &amp;modem présentateur du numéro sur cet ordinateur</translation>
    </message>
    <message>
        <location filename="../../ui/firstrun_line.py" line="195" />
        <source>No serial port found: plug the modem in, or type its port (COM3, /dev/ttyUSB0).</source>
        <translation>Aucun port série trouvé : branchez le modem ou tapez son port (COM3, /dev/ttyUSB0).</translation>
    </message>
    <message>
        <location filename="../../ui/firstrun_line.py" line="202" />
        <source>A &amp;SIP account on the office PBX</source>
        <translation>Un compte S&amp;IP sur l'autocommutateur du bureau</translation>
    </message>
    <message>
        <location filename="../../ui/firstrun_line.py" line="206" />
        <source>Server:</source>
        <translation>Serveur :</translation>
    </message>
    <message>
        <location filename="../../ui/firstrun_line.py" line="207" />
        <source>User:</source>
        <translation>Utilisateur :</translation>
    </message>
    <message>
        <location filename="../../ui/firstrun_line.py" line="208" />
        <source>Password:</source>
        <translation>Mot de passe :</translation>
    </message>
    <message>
        <location filename="../../ui/firstrun_line.py" line="214" />
        <source>A &amp;FRITZ!Box (its call monitor)</source>
        <translation>Une &amp;FRITZ!Box (son moniteur d'appels)</translation>
    </message>
    <message>
        <location filename="../../ui/firstrun_line.py" line="217" />
        <source>Switch the call monitor on by dialling #96*5* from a telephone plugged into the box.</source>
        <translation>Activez le moniteur d'appels en composant #96*5* sur un téléphone branché à la box.</translation>
    </message>
    <message>
        <location filename="../../ui/firstrun_line.py" line="224" />
        <source>Try the &amp;demo line first (made-up calls)</source>
        <translation>Essayer d'abord la ligne de &amp;démonstration (appels fictifs)</translation>
    </message>
    <message>
        <location filename="../../ui/firstrun_line.py" line="230" />
        <source>Looking for a modem on this computer's serial ports…</source>
        <translation>Recherche d'un modem sur les ports série de cet ordinateur…</translation>
    </message>
    <message>
        <location filename="../../ui/firstrun_line.py" line="233" />
        <source>A modem answered on %1: it is chosen as the line.</source>
        <translation>Un modem a répondu sur %1 : il est choisi comme ligne.</translation>
    </message>
    <message>
        <location filename="../../ui/firstrun_line.py" line="236" />
        <source>No modem answered on this computer's serial ports: the demo line is chosen so you can try the program; add your line later in the settings.</source>
        <translation>Aucun modem n'a répondu sur les ports série de cet ordinateur : la ligne de démonstration est choisie pour que vous puissiez essayer le programme ; ajoutez votre ligne plus tard dans les réglages.</translation>
    </message>
    <message>
        <location filename="../../ui/firstrun_pages.py" line="224" />
        <source>The people at the desk</source>
        <translation>Les personnes à l'accueil</translation>
    </message>
    <message>
        <location filename="../../ui/firstrun_pages.py" line="226" />
        <source>Their names go on the calls they take and the notes they write. At least one.</source>
        <translation>Leur nom figure sur les appels qu'elles prennent et les notes qu'elles écrivent. Au moins une.</translation>
    </message>
    <message>
        <location filename="../../ui/firstrun_pages.py" line="232" />
        <source>First name, or first name and initial</source>
        <translation>Prénom, ou prénom et initiale</translation>
    </message>
    <message>
        <location filename="../../ui/firstrun_pages.py" line="234" />
        <source>&amp;Add</source>
        <translation>&amp;Ajouter</translation>
    </message>
    <message>
        <location filename="../../ui/firstrun_pages.py" line="235" />
        <source>&amp;Remove</source>
        <translation>&amp;Retirer</translation>
    </message>
    <message>
        <location filename="../../ui/firstrun.py" line="64" />
        <source>Ready</source>
        <translation>C'est prêt</translation>
    </message>
    <message>
        <location filename="../../ui/firstrun.py" line="66" />
        <source>Finish writes this configuration and opens the desk.</source>
        <translation>Terminer enregistre ces réglages et ouvre le poste.</translation>
    </message>
    <message>
        <location filename="../../ui/firstrun.py" line="71" />
        <source>&amp;Start CustomScreen when I log in</source>
        <translation>&amp;Démarrer CustomScreen à l'ouverture de session</translation>
    </message>
    <message>
        <location filename="../../ui/firstrun.py" line="112" />
        <location filename="../../ui/firstrun.py" line="117" />
        <source>CustomScreen — first start</source>
        <translation>CustomScreen — premier démarrage</translation>
    </message>
    <message>
        <location filename="../../ui/firstrun.py" line="140" />
        <source>modem on %1</source>
        <translation>modem sur %1</translation>
    </message>
    <message>
        <location filename="../../ui/firstrun.py" line="141" />
        <source>SIP account %1</source>
        <translation>compte SIP %1</translation>
    </message>
    <message>
        <location filename="../../ui/firstrun.py" line="142" />
        <source>FRITZ!Box at %1</source>
        <translation>FRITZ!Box à %1</translation>
    </message>
    <message>
        <location filename="../../ui/firstrun.py" line="143" />
        <source>the demo line</source>
        <translation>la ligne de démonstration</translation>
    </message>
    <message>
        <location filename="../../ui/firstrun.py" line="154" />
        <source>Language: %1</source>
        <translation>Langue : %1</translation>
    </message>
    <message>
        <location filename="../../ui/firstrun.py" line="155" />
        <source>Business: %1</source>
        <translation>Entreprise : %1</translation>
    </message>
    <message>
        <location filename="../../ui/firstrun.py" line="158" />
        <source>Country of the line: %1</source>
        <translation>Pays de la ligne : %1</translation>
    </message>
    <message>
        <location filename="../../ui/firstrun.py" line="161" />
        <source>Line: %1</source>
        <translation>Ligne : %1</translation>
    </message>
    <message>
        <location filename="../../ui/firstrun.py" line="164" />
        <source>Users: %1</source>
        <translation>Utilisateurs : %1</translation>
    </message>
    <message>
        <location filename="../../ui/firstrun.py" line="168" />
        <source>You can change all of this later in the settings.</source>
        <translation>Tout cela se modifie ensuite dans les réglages.</translation>
    </message>
    <message>
        <location filename="../../ui/firstrun.py" line="179" />
        <source>SIP password</source>
        <translation>Mot de passe SIP</translation>
    </message>
</context>
<context>
    <name>ImageButton</name>
    <message>
        <location filename="../../ui/settings_dialog.py" line="52" />
        <source>Choose…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="57" />
        <source>Choose an image</source>
        <translation>Choisir une image</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="58" />
        <source>Images (*.png *.jpg *.jpeg *.svg)</source>
        <translation>Images (*.png *.jpg *.jpeg *.svg)</translation>
    </message>
</context>
<context>
    <name>LinesPage</name>
    <message>
        <location filename="../../ui/settings_lines.py" line="53" />
        <source>SIP passwords are kept apart from the settings, in the system keyring or a file only you can read: one typed in an address is moved there when you press OK, and the address is saved without it.</source>
        <translation>Les mots de passe SIP sont gardés à part des réglages, dans le trousseau du système ou un fichier lisible par vous seul : celui tapé dans une adresse y est déplacé quand vous validez, et l'adresse est enregistrée sans lui.</translation>
    </message>
    <message>
        <location filename="../../ui/settings_lines.py" line="62" />
        <source>Add &amp;modem</source>
        <translation>Ajouter le &amp;modem</translation>
    </message>
    <message>
        <location filename="../../ui/settings_lines.py" line="70" />
        <source>Add &amp;SIP line</source>
        <translation>Ajouter la ligne &amp;SIP</translation>
    </message>
    <message>
        <location filename="../../ui/settings_lines.py" line="72" />
        <source>&amp;Test</source>
        <translation>&amp;Tester</translation>
    </message>
    <message>
        <location filename="../../ui/settings_lines.py" line="79" />
        <source>Add &amp;FRITZ!Box</source>
        <translation>Ajouter la &amp;FRITZ!Box</translation>
    </message>
    <message>
        <location filename="../../ui/settings_lines.py" line="84" />
        <source>Modem</source>
        <translation>Modem</translation>
    </message>
    <message>
        <location filename="../../ui/settings_lines.py" line="88" />
        <source>SIP account</source>
        <translation>Compte SIP</translation>
    </message>
    <message>
        <location filename="../../ui/settings_lines.py" line="90" />
        <source>User:</source>
        <translation>Utilisateur :</translation>
    </message>
    <message>
        <location filename="../../ui/settings_lines.py" line="91" />
        <source>Password:</source>
        <translation>Mot de passe :</translation>
    </message>
    <message>
        <location filename="../../ui/settings_lines.py" line="92" />
        <source>PBX:</source>
        <translation>Standard (PBX) :</translation>
    </message>
    <message>
        <location filename="../../ui/settings_lines.py" line="93" />
        <source>Voicemail:</source>
        <translation>Messagerie :</translation>
    </message>
    <message>
        <location filename="../../ui/settings_lines.py" line="100" />
        <source>FRITZ!Box</source>
        <translation>FRITZ!Box</translation>
    </message>
    <message>
        <location filename="../../ui/settings_lines.py" line="106" />
        <source>Lines, one address a line:</source>
        <translation>Lignes, une adresse par ligne :</translation>
    </message>
    <message>
        <location filename="../../ui/settings_lines.py" line="160" />
        <source>Type the PBX address first.</source>
        <translation>Saisissez d'abord l'adresse du standard.</translation>
    </message>
    <message>
        <location filename="../../ui/settings_lines.py" line="177" />
        <source>Testing…</source>
        <translation>Test en cours…</translation>
    </message>
    <message>
        <location filename="../../ui/settings_lines.py" line="189" />
        <source>The line is up: the PBX accepted the account.</source>
        <translation>La ligne est active : le standard a accepté le compte.</translation>
    </message>
    <message>
        <location filename="../../ui/settings_lines.py" line="191" />
        <source>No answer from the PBX: %1</source>
        <translation>Pas de réponse du standard : %1</translation>
    </message>
    <message>
        <location filename="../../ui/settings_lines.py" line="192" />
        <source>nothing received</source>
        <translation>rien reçu</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/mainwindow.py" line="140" />
        <source>CustomScreen — caller ID and call journal</source>
        <translation>CustomScreen — identification et journal d'appels</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="141" />
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="142" />
        <source>&amp;Call</source>
        <translation>&amp;Appel</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="143" />
        <source>&amp;Mode</source>
        <translation>&amp;Mode</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="144" />
        <source>&amp;View</source>
        <translation>Affic&amp;hage</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="145" />
        <source>&amp;Import contacts…</source>
        <translation>&amp;Importer des contacts…</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="146" />
        <source>&amp;Export contacts…</source>
        <translation>&amp;Exporter les contacts…</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="147" />
        <source>&amp;Print card…</source>
        <translation>Im&amp;primer la fiche…</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="148" />
        <source>&amp;Documents…</source>
        <translation>&amp;Documents…</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="149" />
        <source>&amp;Settings…</source>
        <translation>&amp;Réglages…</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="150" />
        <source>Change &amp;user…</source>
        <translation>Changer d'&amp;utilisateur…</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="151" />
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="152" />
        <source>&amp;Note on the current call</source>
        <translation>&amp;Note sur l'appel en cours</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="153" />
        <source>Ne&amp;w contact…</source>
        <translation>No&amp;uveau contact…</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="154" />
        <source>Call &amp;back…</source>
        <translation>&amp;Rappel…</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="155" />
        <source>Call back in &amp;6 months</source>
        <translation>Rappel dans &amp;6 mois</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="165" />
        <source>&amp;Open the caller's contact</source>
        <translation>&amp;Ouvrir le contact de l'appelant</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="166" />
        <source>&amp;Create a contact for the caller</source>
        <translation>&amp;Créer le contact de l'appelant</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="170" />
        <source>Voicemail &amp;queue</source>
        <translation>File de m&amp;essagerie</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="157" />
        <source>&amp;Find…</source>
        <translation>R&amp;echercher…</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="173" />
        <source>C&amp;alls</source>
        <translation>A&amp;ppels</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="173" />
        <source>C&amp;ontacts</source>
        <translation>&amp;Contacts</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="173" />
        <source>Call&amp;backs</source>
        <translation>&amp;Rappels</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="174" />
        <source>&amp;Statistics</source>
        <translation>&amp;Statistiques</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="186" />
        <location filename="../../ui/mainwindow.py" line="187" />
        <source>Mode: %1</source>
        <translation>Mode : %1</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="189" />
        <source>Line: %1</source>
        <translation>Ligne : %1</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="190" />
        <source>At the desk: %1</source>
        <translation>À l'accueil : %1</translation>
    </message>
</context>
<context>
    <name>ModeControl</name>
    <message>
        <location filename="../../ui/mode.py" line="55" />
        <source>&amp;Normal</source>
        <translation>&amp;Normal</translation>
    </message>
    <message>
        <location filename="../../ui/mode.py" line="55" />
        <source>&amp;Busy day (priority)</source>
        <translation>&amp;Jour chargé (priorité)</translation>
    </message>
    <message>
        <location filename="../../ui/mode.py" line="56" />
        <source>&amp;Closed</source>
        <translation>&amp;Fermé</translation>
    </message>
    <message>
        <location filename="../../ui/mode.py" line="58" />
        <source>Every caller's card pops</source>
        <translation>La fiche de chaque appelant s'affiche</translation>
    </message>
    <message>
        <location filename="../../ui/mode.py" line="59" />
        <source>Only callers under contract and 'always' callers pop; the others go to the voicemail queue</source>
        <translation>Seuls les clients sous contrat et les « toujours » s'affichent ; les autres vont dans la file de messagerie</translation>
    </message>
    <message>
        <location filename="../../ui/mode.py" line="61" />
        <source>Every call goes to the voicemail queue</source>
        <translation>Tous les appels vont dans la file de messagerie</translation>
    </message>
    <message>
        <location filename="../../ui/mode.py" line="66" />
        <source>Follow the weekly &amp;schedule</source>
        <translation>Suivre le &amp;planning hebdomadaire</translation>
    </message>
</context>
<context>
    <name>OperationProgress</name>
    <message>
        <location filename="../../ui/operations.py" line="189" />
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../../ui/operations.py" line="201" />
        <location filename="../../ui/operations.py" line="208" />
        <source>Cancelling…</source>
        <translation>Annulation…</translation>
    </message>
</context>
<context>
    <name>PerDayChart</name>
    <message>
        <location filename="../../ui/charts.py" line="58" />
        <source>No calls in this period</source>
        <translation>Aucun appel sur cette période</translation>
    </message>
</context>
<context>
    <name>PeriodChoice</name>
    <message>
        <location filename="../../ui/period_choice.py" line="42" />
        <source>Last 7 days</source>
        <extracomment>The period changed (a preset chosen, a date typed while "Chosen dates").</extracomment>
        <translation>7 derniers jours</translation>
    </message>
    <message>
        <location filename="../../ui/period_choice.py" line="42" />
        <source>Last week (Mon–Sun)</source>
        <translation>Semaine dernière (lun.–dim.)</translation>
    </message>
    <message>
        <location filename="../../ui/period_choice.py" line="43" />
        <source>Last 30 days</source>
        <translation>30 derniers jours</translation>
    </message>
    <message>
        <location filename="../../ui/period_choice.py" line="43" />
        <source>Last month</source>
        <translation>Mois dernier</translation>
    </message>
    <message>
        <location filename="../../ui/period_choice.py" line="44" />
        <source>Last 90 days</source>
        <translation>90 derniers jours</translation>
    </message>
    <message>
        <location filename="../../ui/period_choice.py" line="44" />
        <source>Last 12 months</source>
        <translation>12 derniers mois</translation>
    </message>
    <message>
        <location filename="../../ui/period_choice.py" line="45" />
        <source>Whole journal</source>
        <translation>Tout le journal</translation>
    </message>
    <message>
        <location filename="../../ui/period_choice.py" line="45" />
        <source>Chosen dates</source>
        <translation>Dates choisies</translation>
    </message>
</context>
<context>
    <name>PrintPreview</name>
    <message>
        <location filename="../../ui/print_preview.py" line="62" />
        <source>The printer could not be started.</source>
        <extracomment>Beyond 300 dpi a laser printer's toner shows no more detail, and an A4 page already takes 35 MB of pixels. The preview keeps every page in memory: 150 dpi stays sharp at 200 % zoom.</extracomment>
        <translation>L'imprimante n'a pas pu démarrer.</translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="71" />
        <source>The printer stopped at page %1.</source>
        <translation>L'imprimante s'est arrêtée à la page %1.</translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="87" />
        <location filename="../../ui/print_preview.py" line="97" />
        <source>Print</source>
        <translation>Imprimer</translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="87" />
        <source>%1 cannot be read: %2</source>
        <translation>%1 est illisible : %2</translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="117" />
        <source>Print preview — %1</source>
        <translation>Aperçu avant impression — %1</translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="122" />
        <source>Save as PDF…</source>
        <translation>Enregistrer en PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="156" />
        <source>Print %1</source>
        <translation>Imprimer %1</translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="181" />
        <location filename="../../ui/print_preview.py" line="202" />
        <source>Save as PDF</source>
        <translation>Enregistrer en PDF</translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="183" />
        <source>PDF documents (*.pdf)</source>
        <translation>Documents PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="201" />
        <source>The PDF could not be saved to %1: %2</source>
        <translation>Le PDF n'a pas pu être enregistré dans %1 : %2</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <location filename="../../ui/printing.py" line="30" />
        <source>Print card</source>
        <translation>Imprimer la fiche</translation>
    </message>
    <message>
        <location filename="../../ui/printing.py" line="35" />
        <source>Printing is not installed on this computer (reportlab is missing).</source>
        <translation>L'impression n'est pas installée sur cet ordinateur (reportlab manque).</translation>
    </message>
    <message>
        <location filename="../../ui/printing.py" line="39" />
        <source>The card could not be printed: %1</source>
        <translation>La fiche n'a pas pu être imprimée : %1</translation>
    </message>
</context>
<context>
    <name>Reason</name>
    <message>
        <location filename="../../ui/i18n.py" line="245" />
        <source>Known caller: %1</source>
        <translation>Correspondant connu : %1</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="246" />
        <source>Unknown number</source>
        <translation>Numéro inconnu</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="247" />
        <source>Number withheld by the caller</source>
        <translation>Numéro masqué par l'appelant</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="248" />
        <source>%1 always gets through</source>
        <translation>%1 passe toujours</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="249" />
        <source>%1 is under contract</source>
        <translation>%1 est sous contrat</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="250" />
        <source>Busy day: %1's contract has expired, sent to voicemail</source>
        <translation>Jour chargé : le contrat de %1 a expiré, mis en messagerie</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="252" />
        <source>Busy day: %1 has no contract, sent to voicemail</source>
        <translation>Jour chargé : %1 n'a pas de contrat, mis en messagerie</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="254" />
        <source>Busy day: unknown caller sent to voicemail</source>
        <translation>Jour chargé : appelant inconnu mis en messagerie</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="255" />
        <source>Busy day: withheld number sent to voicemail</source>
        <translation>Jour chargé : numéro masqué mis en messagerie</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="256" />
        <source>The office is closed: sent to voicemail</source>
        <translation>Bureau fermé : mis en messagerie</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="257" />
        <source>%1 is on the blocked list</source>
        <translation>%1 est sur la liste noire</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="262" />
        <source>the caller</source>
        <translation>l'appelant</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../ui/settings_dialog.py" line="67" />
        <source>Settings</source>
        <translation>Réglages</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="71" />
        <source>&amp;Lines</source>
        <translation>&amp;Lignes</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="72" />
        <source>&amp;General</source>
        <translation>&amp;Général</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="73" />
        <source>&amp;Business</source>
        <translation>&amp;Entreprise</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="74" />
        <source>&amp;Users</source>
        <translation>&amp;Utilisateurs</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="78" />
        <source>&amp;OK</source>
        <translation>&amp;OK</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="83" />
        <source>New lines are opened the next time the desk starts.</source>
        <translation>Les nouvelles lignes sont ouvertes au prochain démarrage.</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="90" />
        <source>Follow the system</source>
        <translation>Comme le système</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="100" />
        <source>Language:</source>
        <translation>Langue :</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="101" />
        <source>Default region:</source>
        <translation>Région par défaut :</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="102" />
        <source>Weekly mode schedule:</source>
        <translation>Planning des modes :</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="103" />
        <source>One slot a line: days, hours, mode (normal, priority, closed).</source>
        <translation>Un créneau par ligne : jours, heures, mode (normal, priority, closed).</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="105" />
        <source>Start CustomScreen when I log in</source>
        <translation>Lancer CustomScreen à l’ouverture de session</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="116" />
        <location filename="../../ui/settings_dialog.py" line="152" />
        <source>Name:</source>
        <translation>Nom :</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="117" />
        <source>Address:</source>
        <translation>Adresse :</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="118" />
        <source>Phone:</source>
        <translation>Téléphone :</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="118" />
        <source>Fax:</source>
        <translation>Fax :</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="119" />
        <source>Email:</source>
        <translation>Courriel :</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="119" />
        <source>Logo:</source>
        <translation>Logo :</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="120" />
        <source>Signature image:</source>
        <translation>Image de signature :</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="139" />
        <source>&amp;Add…</source>
        <translation>&amp;Ajouter…</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="139" />
        <source>&amp;Remove</source>
        <translation>&amp;Retirer</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="152" />
        <source>Add a user</source>
        <translation>Ajouter un utilisateur</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="178" />
        <source>Weekly mode schedule</source>
        <translation>Planning des modes</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="183" />
        <source>Default region</source>
        <translation>Région par défaut</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="184" />
        <source>Write the country of the line in two letters, such as FR or BE.</source>
        <translation>Écrivez le pays de la ligne en deux lettres, par exemple FR ou BE.</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="189" />
        <source>SIP password</source>
        <translation>Mot de passe SIP</translation>
    </message>
</context>
<context>
    <name>StatsTab</name>
    <message>
        <location filename="../../ui/stats_tab.py" line="43" />
        <source>Calls per day</source>
        <translation>Appels par jour</translation>
    </message>
    <message>
        <location filename="../../ui/stats_tab.py" line="44" />
        <source>When calls come (weekday × hour)</source>
        <translation>Quand arrivent les appels (jour × heure)</translation>
    </message>
    <message>
        <location filename="../../ui/stats_tab.py" line="45" />
        <source>How calls ended</source>
        <translation>Issue des appels</translation>
    </message>
    <message>
        <location filename="../../ui/stats_tab.py" line="46" />
        <source>Callers under contract</source>
        <translation>Appelants sous contrat</translation>
    </message>
    <message>
        <location filename="../../ui/stats_tab.py" line="59" />
        <source>%1 of %2 calls came from callers under contract; %3 from known contacts.</source>
        <translation>%1 appels sur %2 venaient de clients sous contrat ; %3 de contacts connus.</translation>
    </message>
    <message>
        <location filename="../../ui/stats_tab.py" line="63" />
        <source>&lt;b&gt;%1&lt;/b&gt; calls · &lt;b&gt;%2&lt;/b&gt; a day on average, weekends included · &lt;b&gt;%3&lt;/b&gt; overdue callbacks · &lt;b&gt;%4&lt;/b&gt; open in the voicemail queue</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; appels · &lt;b&gt;%2&lt;/b&gt; par jour en moyenne, week-ends compris · &lt;b&gt;%3&lt;/b&gt; rappels en retard · &lt;b&gt;%4&lt;/b&gt; ouverts dans la file de messagerie</translation>
    </message>
    <message>
        <location filename="../../ui/stats_tab.py" line="70" />
        <source>called back after &lt;b&gt;%1&lt;/b&gt; h (median)</source>
        <translation>rappelés après &lt;b&gt;%1&lt;/b&gt; h (médiane)</translation>
    </message>
</context>
<context>
    <name>UserDialog</name>
    <message>
        <location filename="../../ui/user_dialog.py" line="24" />
        <source>Who is at the desk?</source>
        <translation>Qui est à l'accueil ?</translation>
    </message>
    <message>
        <location filename="../../ui/user_dialog.py" line="27" />
        <source>&amp;Add a user…</source>
        <translation>&amp;Ajouter un utilisateur…</translation>
    </message>
    <message>
        <location filename="../../ui/user_dialog.py" line="34" />
        <source>Your name is written on the calls you take and the notes you write.</source>
        <translation>Votre nom est inscrit sur les appels que vous prenez et les notes que vous écrivez.</translation>
    </message>
    <message>
        <location filename="../../ui/user_dialog.py" line="51" />
        <source>Add a user</source>
        <translation>Ajouter un utilisateur</translation>
    </message>
    <message>
        <location filename="../../ui/user_dialog.py" line="51" />
        <source>Name:</source>
        <translation>Nom :</translation>
    </message>
</context>
<context>
    <name>VoicemailTab</name>
    <message>
        <location filename="../../ui/voicemail_tab.py" line="74" />
        <source>Called at</source>
        <translation>Appelé le</translation>
    </message>
    <message>
        <location filename="../../ui/voicemail_tab.py" line="74" />
        <source>Caller</source>
        <translation>Appelant</translation>
    </message>
    <message>
        <location filename="../../ui/voicemail_tab.py" line="74" />
        <source>Number</source>
        <translation>Numéro</translation>
    </message>
    <message>
        <location filename="../../ui/voicemail_tab.py" line="74" />
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <location filename="../../ui/voicemail_tab.py" line="75" />
        <source>Assigned to</source>
        <translation>Attribué à</translation>
    </message>
    <message>
        <location filename="../../ui/voicemail_tab.py" line="75" />
        <source>Why</source>
        <translation>Motif</translation>
    </message>
    <message>
        <location filename="../../ui/voicemail_tab.py" line="77" />
        <source>Show &amp;worked items too</source>
        <translation>Afficher aussi les messages &amp;traités</translation>
    </message>
    <message>
        <location filename="../../ui/voicemail_tab.py" line="78" />
        <source>Forwar&amp;d to a colleague…</source>
        <translation>Tra&amp;nsmettre à un collègue…</translation>
    </message>
    <message>
        <location filename="../../ui/voicemail_tab.py" line="79" />
        <source>Called bac&amp;k</source>
        <translation>Rappe&amp;lé</translation>
    </message>
    <message>
        <location filename="../../ui/voicemail_tab.py" line="80" />
        <source>C&amp;lose</source>
        <translation>Cl&amp;ore</translation>
    </message>
    <message>
        <location filename="../../ui/voicemail_tab.py" line="81" />
        <source>Show ca&amp;rd</source>
        <translation>&amp;Voir la fiche</translation>
    </message>
    <message>
        <location filename="../../ui/voicemail_tab.py" line="91" />
        <source>unknown caller</source>
        <translation>appelant inconnu</translation>
    </message>
    <message>
        <location filename="../../ui/voicemail_tab.py" line="92" />
        <source>withheld</source>
        <translation>masqué</translation>
    </message>
    <message>
        <location filename="../../ui/voicemail_tab.py" line="138" />
        <location filename="../../ui/voicemail_tab.py" line="151" />
        <source>Voicemail queue</source>
        <translation>File de messagerie</translation>
    </message>
</context>
<context>
    <name>Words</name>
    <message>
        <location filename="../../ui/i18n.py" line="121" />
        <source>Answered</source>
        <translation>Répondu</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="122" />
        <source>Missed</source>
        <translation>Manqué</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="123" />
        <source>Diverted</source>
        <translation>Renvoyé</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="124" />
        <location filename="../../ui/i18n.py" line="133" />
        <source>Blocked</source>
        <translation>Bloqué</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="126" />
        <source>Ringing</source>
        <translation>Sonne</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="131" />
        <source>Card shown</source>
        <translation>Fiche affichée</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="132" />
        <source>Sent to voicemail</source>
        <translation>Mis en messagerie</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="140" />
        <source>Active contract</source>
        <translation>Contrat actif</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="141" />
        <source>Expired contract</source>
        <translation>Contrat expiré</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="142" />
        <source>No contract</source>
        <translation>Aucun contrat</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="149" />
        <source>active</source>
        <translation>actif</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="150" />
        <source>expired</source>
        <translation>expiré</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="151" />
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="158" />
        <source>New</source>
        <translation>Nouveau</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="159" />
        <source>Forwarded</source>
        <translation>Transmis</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="160" />
        <source>Called back</source>
        <translation>Rappelé</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="161" />
        <location filename="../../ui/i18n.py" line="170" />
        <source>Closed</source>
        <translation>Fermé</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="168" />
        <source>Normal</source>
        <translation>Normal</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="169" />
        <source>Busy day</source>
        <translation>Jour chargé</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="177" />
        <source>connected</source>
        <translation>connectée</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="178" />
        <source>reconnecting</source>
        <translation>reconnexion</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="179" />
        <source>down</source>
        <translation>coupée</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="180" />
        <source>no line</source>
        <translation>aucune ligne</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="187" />
        <location filename="../../ui/i18n.py" line="225" />
        <source>mobile</source>
        <translation>mobile</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="188" />
        <source>landline</source>
        <translation>fixe</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="189" />
        <source>landline or mobile</source>
        <translation>fixe ou mobile</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="190" />
        <source>toll-free</source>
        <translation>numéro vert</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="191" />
        <source>premium rate</source>
        <translation>surtaxé</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="192" />
        <source>shared cost</source>
        <translation>coût partagé</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="193" />
        <source>internet telephony</source>
        <translation>téléphonie par internet</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="194" />
        <source>personal number</source>
        <translation>numéro personnel</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="195" />
        <source>company number</source>
        <translation>numéro d'entreprise</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="202" />
        <source>Paris and Île-de-France</source>
        <translation>Paris et Île-de-France</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="203" />
        <source>north-west France</source>
        <translation>nord-ouest de la France</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="204" />
        <source>north-east France</source>
        <translation>nord-est de la France</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="205" />
        <source>south-east France</source>
        <translation>sud-est de la France</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="206" />
        <source>south-west France</source>
        <translation>sud-ouest de la France</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="224" />
        <source>phone</source>
        <translation>téléphone</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="226" />
        <source>fax</source>
        <translation>fax</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="227" />
        <source>other</source>
        <translation>autre</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="236" />
        <source>no description</source>
        <translation>aucune description</translation>
    </message>
</context>
</TS>