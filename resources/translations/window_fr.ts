<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fr">
<context>
    <name>Act</name>
    <message>
        <source>&amp;Add folder…</source>
        <translation>&amp;Ajouter un dossier…</translation>
    </message>
    <message>
        <source>Add a folder to scan</source>
        <translation>Ajouter un dossier à analyser</translation>
    </message>
    <message>
        <source>&amp;Remove folder</source>
        <translation>&amp;Retirer le dossier</translation>
    </message>
    <message>
        <source>Remove selected folders</source>
        <translation>Retirer les dossiers sélectionnés</translation>
    </message>
    <message>
        <source>&amp;Scan</source>
        <translation>A&amp;nalyser</translation>
    </message>
    <message>
        <source>Scan the folders for duplicate photos</source>
        <translation>Chercher les photos en double dans les dossiers</translation>
    </message>
    <message>
        <source>&amp;Cancel scan</source>
        <translation>A&amp;nnuler l'analyse</translation>
    </message>
    <message>
        <source>Stop the scan</source>
        <translation>Arrêter l'analyse</translation>
    </message>
    <message>
        <source>&amp;Find photos like…</source>
        <translation>&amp;Trouver des photos semblables…</translation>
    </message>
    <message>
        <source>Pick a photo and see every scanned photo like it, nearest first (or drop a photo here)</source>
        <translation>Choisir une photo et voir toutes les photos analysées qui lui ressemblent, la plus proche d'abord (ou déposer une photo ici)</translation>
    </message>
    <message>
        <source>&amp;Export report…</source>
        <translation>E&amp;xporter le rapport…</translation>
    </message>
    <message>
        <source>Save the groups, with each photo's metadata and mark, as CSV or JSON</source>
        <translation>Enregistrer les groupes, avec les métadonnées et la marque de chaque photo, en CSV ou JSON</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Toggle mark</source>
        <translation>&amp;Inverser la marque</translation>
    </message>
    <message>
        <source>Mark or unmark the selected photos</source>
        <translation>Marquer ou démarquer les photos sélectionnées</translation>
    </message>
    <message>
        <source>Mark all &amp;shown</source>
        <translation>Marquer toutes les photos &amp;affichées</translation>
    </message>
    <message>
        <source>Mark every photo the details table shows (as filtered), or every photo of the shown group, except each group's ★</source>
        <translation>Marquer chaque photo affichée par le tableau détaillé (filtré), ou chaque photo du groupe affiché, sauf la ★ de chaque groupe</translation>
    </message>
    <message>
        <source>Mark all but the &amp;best in this group</source>
        <translation>Marquer toutes sauf la &amp;meilleure de ce groupe</translation>
    </message>
    <message>
        <source>Mark every photo of this group except the best</source>
        <translation>Marquer chaque photo de ce groupe sauf la meilleure</translation>
    </message>
    <message>
        <source>Mark all but the best in &amp;all groups</source>
        <translation>Marquer toutes sauf la meilleure dans &amp;tous les groupes</translation>
    </message>
    <message>
        <source>In every group, mark every photo except the best</source>
        <translation>Dans chaque groupe, marquer chaque photo sauf la meilleure</translation>
    </message>
    <message>
        <source>Mark all but best</source>
        <translation>Marquer sauf la meilleure</translation>
    </message>
    <message>
        <source>&amp;Which photo to keep…</source>
        <translation>&amp;Quelle photo garder…</translation>
    </message>
    <message>
        <source>Choose and order the rules that “Mark all but the best” follows</source>
        <translation>Choisir et ordonner les règles que suit « Marquer toutes sauf la meilleure »</translation>
    </message>
    <message>
        <source>Excluded &amp;folders…</source>
        <translation>&amp;Dossiers exclus…</translation>
    </message>
    <message>
        <source>The folders and patterns left out of scans, one per line</source>
        <translation>Les dossiers et motifs exclus des analyses, un par ligne</translation>
    </message>
    <message>
        <source>&amp;Unmark this group</source>
        <translation>&amp;Démarquer ce groupe</translation>
    </message>
    <message>
        <source>Unmark this group</source>
        <translation>Démarquer ce groupe</translation>
    </message>
    <message>
        <source>Unmark a&amp;ll</source>
        <translation>Tout dé&amp;marquer</translation>
    </message>
    <message>
        <source>Unmark every photo</source>
        <translation>Démarquer chaque photo</translation>
    </message>
    <message>
        <source>&amp;Move marked to Trash…</source>
        <translation>&amp;Mettre les photos marquées à la corbeille…</translation>
    </message>
    <message>
        <source>Move the marked photos to the Trash (you can undo)</source>
        <translation>Mettre les photos marquées à la corbeille (annulable)</translation>
    </message>
    <message>
        <source>Move to Trash</source>
        <translation>Mettre à la corbeille</translation>
    </message>
    <message>
        <source>Move marked to &amp;folder…</source>
        <translation>Déplacer les photos marquées dans un &amp;dossier…</translation>
    </message>
    <message>
        <source>Move the marked photos into a folder you choose, instead of the Trash (you can undo)</source>
        <translation>Déplacer les photos marquées dans un dossier de votre choix au lieu de la corbeille (annulable)</translation>
    </message>
    <message>
        <source>&amp;Undo move to Trash</source>
        <translation>&amp;Annuler la mise à la corbeille</translation>
    </message>
    <message>
        <source>Put the last moved photos back</source>
        <translation>Remettre en place les dernières photos déplacées</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>&amp;Details table</source>
        <translation>&amp;Tableau détaillé</translation>
    </message>
    <message>
        <source>Every photo of every group as a sortable table, with a filter (Ctrl+T again: thumbnails)</source>
        <translation>Chaque photo de chaque groupe dans un tableau triable, avec un filtre (Ctrl+T de nouveau : vignettes)</translation>
    </message>
    <message>
        <source>&amp;Compare…</source>
        <translation>&amp;Comparer…</translation>
    </message>
    <message>
        <source>Compare the selected photo with the ★ at full size (double-click)</source>
        <translation>Comparer la photo sélectionnée avec la ★ en taille réelle (double-clic)</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Ouvrir</translation>
    </message>
    <message>
        <source>Open with the default viewer</source>
        <translation>Ouvrir avec la visionneuse par défaut</translation>
    </message>
    <message>
        <source>Show in &amp;folder</source>
        <translation>Afficher dans le &amp;dossier</translation>
    </message>
    <message>
        <source>Show the selected photo in the file manager</source>
        <translation>Afficher la photo sélectionnée dans le gestionnaire de fichiers</translation>
    </message>
    <message>
        <source>E&amp;xclude this folder from scans</source>
        <translation>E&amp;xclure ce dossier des analyses</translation>
    </message>
    <message>
        <source>Leave the selected photo's folder out of every scan (Edit ▸ Excluded folders… to undo)</source>
        <translation>Exclure le dossier de la photo sélectionnée de toutes les analyses (pour annuler : Édition ▸ Dossiers exclus…)</translation>
    </message>
    <message>
        <source>&amp;Duplicates</source>
        <translation>&amp;Doublons</translation>
    </message>
    <message>
        <source>Copies of one photo: keep one of each group</source>
        <translation>Copies d'une même photo : en garder une par groupe</translation>
    </message>
    <message>
        <source>S&amp;hots (culling)</source>
        <translation>&amp;Séries (tri)</translation>
    </message>
    <message>
        <source>Bursts of a shoot: frames taken together, sharpest first; keep the best</source>
        <translation>Rafales d'une séance : vues prises ensemble, la plus nette d'abord ; garder la meilleure</translation>
    </message>
    <message>
        <source>&amp;Pick (keep)</source>
        <translation>&amp;Choisir (garder)</translation>
    </message>
    <message>
        <source>Keep the selected photo (unmarked) and go to the next</source>
        <translation>Garder la photo sélectionnée (non marquée) et passer à la suivante</translation>
    </message>
    <message>
        <source>Re&amp;ject</source>
        <translation>Re&amp;jeter</translation>
    </message>
    <message>
        <source>Mark the selected photo for the Trash and go to the next</source>
        <translation>Marquer la photo sélectionnée pour la corbeille et passer à la suivante</translation>
    </message>
    <message>
        <source>Clear pick or reject</source>
        <translation>Effacer le choix ou le rejet</translation>
    </message>
    <message>
        <source>Neither picked nor rejected, and go to the next</source>
        <translation>Ni choisie ni rejetée, et passer à la suivante</translation>
    </message>
    <message>
        <source>&amp;Save picks as ratings…</source>
        <translation>&amp;Enregistrer les choix comme notes…</translation>
    </message>
    <message>
        <source>Shots: write each pick's stars and each reject's -1 into its XMP sidecar, for darktable, Lightroom, digiKam or Capture One (you can undo)</source>
        <translation>Séries : écrire les étoiles de chaque choix et le -1 de chaque rejet dans son fichier XMP annexe, pour darktable, Lightroom, digiKam ou Capture One (annulable)</translation>
    </message>
    <message>
        <source>New sidecars named for &amp;Lightroom (NAME.xmp)</source>
        <translation>Nommer les nouveaux fichiers annexes pour &amp;Lightroom (NOM.xmp)</translation>
    </message>
    <message>
        <source>Ratings go into a photo's existing sidecar; a new one is named NAME.xmp (Lightroom, Capture One) when this is ticked, else NAME.EXT.xmp (darktable, digiKam)</source>
        <translation>Les notes vont dans le fichier annexe existant d'une photo ; un nouveau s'appelle NOM.xmp (Lightroom, Capture One) si cette case est cochée, sinon NOM.EXT.xmp (darktable, digiKam)</translation>
    </message>
    <message>
        <source>&amp;Loupe</source>
        <translation>&amp;Loupe</translation>
    </message>
    <message>
        <source>The selected photo at 100 %, where it is sharpest (Z or Esc closes)</source>
        <translation>La photo sélectionnée à 100 %, là où elle est la plus nette (Z ou Échap ferme)</translation>
    </message>
    <message>
        <source>&amp;Next group</source>
        <translation>Groupe &amp;suivant</translation>
    </message>
    <message>
        <source>Next group</source>
        <translation>Groupe suivant</translation>
    </message>
    <message>
        <source>&amp;Previous group</source>
        <translation>Groupe &amp;précédent</translation>
    </message>
    <message>
        <source>Previous group</source>
        <translation>Groupe précédent</translation>
    </message>
    <message>
        <source>Larger thumbnails</source>
        <translation>Vignettes plus grandes</translation>
    </message>
    <message>
        <source>Smaller thumbnails</source>
        <translation>Vignettes plus petites</translation>
    </message>
    <message>
        <source>&amp;Problem files…</source>
        <translation>Fichiers à &amp;problème…</translation>
    </message>
    <message>
        <source>List the files that could not be used, with the reason</source>
        <translation>Lister les fichiers inutilisables, avec la raison</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Raccourcis clavier</translation>
    </message>
    <message>
        <source>Every key the window answers to</source>
        <translation>Toutes les touches auxquelles la fenêtre répond</translation>
    </message>
    <message>
        <source>&amp;About photodedupe</source>
        <translation>À &amp;propos de photodedupe</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <source>The system's language</source>
        <translation>La langue du système</translation>
    </message>
    <message>
        <source>the system's language</source>
        <translation>la langue du système</translation>
    </message>
    <message>
        <source>photodedupe speaks {language} from its next start.</source>
        <translation>photodedupe parlera {language} à son prochain démarrage.</translation>
    </message>
</context>
<context>
    <name>Menu</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>É&amp;dition</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Aid&amp;e</translation>
    </message>
</context>
</TS>