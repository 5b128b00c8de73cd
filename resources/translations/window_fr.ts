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
    <name>CompareDialog</name>
    <message>
        <source>Compare photos</source>
        <translation>Comparer les photos</translation>
    </message>
    <message>
        <source>Zoom, as a share of the larger photo's own pixels (100 % is 1:1)</source>
        <translation>Zoom, en part des pixels de la plus grande photo (100 % correspond à 1:1)</translation>
    </message>
    <message>
        <source>◀ Previous</source>
        <translation>◀ Précédente</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>Suivante ▶</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Ajuster</translation>
    </message>
    <message>
        <source>100 %</source>
        <translation>100 %</translation>
    </message>
    <message>
        <source>Compare the previous photo of the group with the ★ (←)</source>
        <translation>Comparer la photo précédente du groupe avec la ★ (←)</translation>
    </message>
    <message>
        <source>Compare the next photo of the group with the ★ (→)</source>
        <translation>Comparer la photo suivante du groupe avec la ★ (→)</translation>
    </message>
    <message>
        <source>Show the whole photos (F)</source>
        <translation>Afficher les photos entières (F)</translation>
    </message>
    <message>
        <source>Show the larger photo at its real size, pixel for pixel (1); + and - zoom</source>
        <translation>Afficher la plus grande photo à sa taille réelle, pixel pour pixel (1) ; + et - zooment</translation>
    </message>
    <message>
        <source>{n} of {total}</source>
        <translation>{n} sur {total}</translation>
    </message>
    <message>
        <source>the photo kept (★): {why}</source>
        <translation>la photo gardée (★) : {why}</translation>
    </message>
    <message>
        <source>the photo kept (★)</source>
        <translation>la photo gardée (★)</translation>
    </message>
    <message>
        <source>compared with {kept}: {note}</source>
        <translation>comparée avec {kept} : {note}</translation>
    </message>
    <message>
        <source>{percent} %</source>
        <translation>{percent} %</translation>
    </message>
</context>
<context>
    <name>ComparePane</name>
    <message>
        <source>Open</source>
        <translation>Ouvrir</translation>
    </message>
    <message>
        <source>Open with the default viewer</source>
        <translation>Ouvrir avec la visionneuse par défaut</translation>
    </message>
    <message>
        <source>Show in folder</source>
        <translation>Afficher dans le dossier</translation>
    </message>
    <message>
        <source>Show the photo in the file manager</source>
        <translation>Afficher la photo dans le gestionnaire de fichiers</translation>
    </message>
    <message>
        <source>{photo}, {caption}</source>
        <translation>{photo}, {caption}</translation>
    </message>
    <message>
        <source>Open {photo} with the default viewer</source>
        <translation>Ouvrir {photo} avec la visionneuse par défaut</translation>
    </message>
    <message>
        <source>Show {photo} in the file manager</source>
        <translation>Afficher {photo} dans le gestionnaire de fichiers</translation>
    </message>
    <message>
        <source>Marked for Trash</source>
        <translation>Marquée pour la corbeille</translation>
    </message>
    <message>
        <source>Mark for Trash</source>
        <translation>Marquer pour la corbeille</translation>
    </message>
    <message>
        <source>In a reference folder: always kept</source>
        <translation>Dans un dossier de référence : toujours gardée</translation>
    </message>
    <message>
        <source>Toggle the mark (Space)</source>
        <translation>Inverser la marque (Espace)</translation>
    </message>
    <message>
        <source>{photo} is in a reference folder: always kept</source>
        <translation>{photo} est dans un dossier de référence : toujours gardée</translation>
    </message>
    <message>
        <source>Mark or unmark {photo} for the Trash (Space)</source>
        <translation>Marquer ou démarquer {photo} pour la corbeille (Espace)</translation>
    </message>
</context>
<context>
    <name>CullBar</name>
    <message>
        <source>The longest time between two frames of one series (one camera, looking alike)</source>
        <translation>La durée maximale entre deux vues d'une même série (un même appareil, qui se ressemblent)</translation>
    </message>
    <message>
        <source>Longest time between frames of a series</source>
        <translation>Temps maximal entre les vues d'une série</translation>
    </message>
    <message>
        <source>How many frames of each series “Mark all but the best” keeps</source>
        <translation>Combien de vues de chaque série « Marquer toutes sauf la meilleure » garde</translation>
    </message>
    <message>
        <source>Frames kept of each series</source>
        <translation>Vues gardées de chaque série</translation>
    </message>
    <message>
        <source>Series: frames within</source>
        <translation>Séries : vues à moins de</translation>
    </message>
    <message>
        <source>of each other · keep the best</source>
        <translation>les unes des autres · garder les</translation>
    </message>
    <message>
        <source>of each</source>
        <translation>meilleures de chacune</translation>
    </message>
</context>
<context>
    <name>CullMode</name>
    <message>
        <source>Scan your folders first; then Shots ranks the frames of each burst.</source>
        <translation>Analysez d'abord vos dossiers ; puis Séries classe les vues de chaque rafale.</translation>
    </message>
    <message>
        <source>Measuring frames: {done} of {total}</source>
        <translation>Mesure des vues : {done} sur {total}</translation>
    </message>
    <message>
        <source>Finding the series and measuring their frames…</source>
        <translation>Recherche des séries et mesure de leurs vues…</translation>
    </message>
</context>
<context>
    <name>DetailsModel</name>
    <message>
        <source>★ kept</source>
        <translation>★ gardée</translation>
    </message>
    <message>
        <source>marked for the trash</source>
        <translation>marquée pour la corbeille</translation>
    </message>
    <message>
        <source>not marked</source>
        <translation>non marquée</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>Files that travel with this photo:</source>
        <translation>Fichiers qui suivent cette photo :</translation>
    </message>
</context>
<context>
    <name>DetailsTable</name>
    <message>
        <source>Marked</source>
        <translation>Marquée</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Groupe</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Chemin</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>Résolution</translation>
    </message>
    <message>
        <source>Date taken</source>
        <translation>Date de prise de vue</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Appareil</translation>
    </message>
    <message>
        <source>Distance</source>
        <translation>Écart</translation>
    </message>
    <message>
        <source>Companions</source>
        <translation>Fichiers liés</translation>
    </message>
</context>
<context>
    <name>DetailsView</name>
    <message>
        <source>Filter by folder or name…</source>
        <translation>Filtrer par dossier ou nom…</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>Filtre</translation>
    </message>
    <message>
        <source>Show only marked</source>
        <translation>N'afficher que les marquées</translation>
    </message>
</context>
<context>
    <name>FileOps</name>
    <message>
        <source>With them go the files that belong to them: {kinds} ({size}).</source>
        <translation>Avec elles partent les fichiers qui leur appartiennent : {kinds} ({size}).</translation>
    </message>
    <message>
        <source>Ratings, labels and keywords of a trashed copy are added to the kept photo's sidecar.</source>
        <translation>Les notes, libellés et mots-clés d'une copie jetée sont ajoutés au fichier annexe de la photo gardée.</translation>
    </message>
    <message>
        <source>New XMP sidecars will be named {style}.</source>
        <translation>Les nouveaux fichiers XMP annexes s'appelleront {style}.</translation>
    </message>
    <message>
        <source>Nothing is marked. Mark photos first (Space, or “Mark all but the best”).</source>
        <translation>Rien n'est marqué. Marquez d'abord des photos (Espace, ou « Marquer toutes sauf la meilleure »).</translation>
    </message>
    <message>
        <source>Move to Trash</source>
        <translation>Mettre à la corbeille</translation>
    </message>
    <message>
        <source>Move {what} ({size}) to the Trash?</source>
        <translation>Mettre {what} ({size}) à la corbeille ?</translation>
    </message>
    <message>
        <source>They can be restored from the Trash, or with Undo (Ctrl+Z).</source>
        <translation>Elles peuvent être restaurées depuis la corbeille, ou avec Annuler (Ctrl+Z).</translation>
    </message>
    <message>
        <source>Move {n} to Trash</source>
        <translation>Mettre {n} à la corbeille</translation>
    </message>
    <message>
        <source>Keep their folders</source>
        <translation>Garder leurs dossiers</translation>
    </message>
    <message>
        <source>All in one folder</source>
        <translation>Toutes dans un dossier</translation>
    </message>
    <message>
        <source>Move to folder</source>
        <translation>Déplacer dans un dossier</translation>
    </message>
    <message>
        <source>Move the marked photos into {folder}?</source>
        <translation>Déplacer les photos marquées dans {folder} ?</translation>
    </message>
    <message>
        <source>Keep each photo's folders inside it (as under the scanned folders), or put them all side by side? A name already there is never overwritten. Undo (Ctrl+Z) puts them back.</source>
        <translation>Garder les dossiers de chaque photo à l'intérieur (comme sous les dossiers analysés), ou les mettre toutes côte à côte ? Un nom déjà présent n'est jamais écrasé. Annuler (Ctrl+Z) les remet en place.</translation>
    </message>
    <message>
        <source>Are you sure you want to move all of them to the Trash?</source>
        <translation>Voulez-vous vraiment toutes les mettre à la corbeille ?</translation>
    </message>
    <message>
        <source>Are you sure you want to move all of them to {folder}?</source>
        <translation>Voulez-vous vraiment toutes les déplacer dans {folder} ?</translation>
    </message>
    <message>
        <source>Every photo of a group is marked</source>
        <translation>Toutes les photos d'un groupe sont marquées</translation>
    </message>
    <message>
        <source>Move them all</source>
        <translation>Toutes les déplacer</translation>
    </message>
    <message>
        <source>Moved {what} to the Trash; emptying it frees {size}.</source>
        <translation>{what} mises à la corbeille ; la vider libère {size}.</translation>
    </message>
    <message>
        <source>Moved {what} ({size}) to {folder}.</source>
        <translation>{what} ({size}) déplacées dans {folder}.</translation>
    </message>
    <message>
        <source>Undo with Ctrl+Z.</source>
        <translation>Annuler avec Ctrl+Z.</translation>
    </message>
    <message>
        <source>Some photos were not moved</source>
        <translation>Certaines photos n'ont pas été déplacées</translation>
    </message>
    <message>
        <source>Put {what} back where they were.</source>
        <translation>{what} remises à leur place.</translation>
    </message>
    <message>
        <source>Some photos were not put back</source>
        <translation>Certaines photos n'ont pas été remises en place</translation>
    </message>
    <message>
        <source>These photos are still in the Trash:</source>
        <translation>Ces photos sont encore dans la corbeille :</translation>
    </message>
    <message>
        <source>Put them back</source>
        <translation>Les remettre en place</translation>
    </message>
    <message>
        <source>Finish moving</source>
        <translation>Terminer le déplacement</translation>
    </message>
    <message>
        <source>A move to the Trash was interrupted</source>
        <translation>Une mise à la corbeille a été interrompue</translation>
    </message>
    <message>
        <source>photodedupe stopped while moving photos to the Trash ({when}): {in_trash}, {pending}.</source>
        <translation>photodedupe s'est arrêté pendant qu'il mettait des photos à la corbeille ({when}) : {in_trash}, {pending}.</translation>
    </message>
    <message>
        <source>No photo is lost. Put the moved ones back, or finish moving the rest?</source>
        <translation>Aucune photo n'est perdue. Remettre en place celles déplacées, ou terminer de déplacer le reste ?</translation>
    </message>
    <message>
        <source>Decide later</source>
        <translation>Décider plus tard</translation>
    </message>
    <message>
        <source>Save picks as ratings works in Shots (Ctrl+2), with frames picked or rejected.</source>
        <translation>Enregistrer les choix comme notes fonctionne dans Séries (Ctrl+2), avec des vues choisies ou rejetées.</translation>
    </message>
    <message>
        <source>Nothing is picked or rejected yet: P picks a frame, X rejects it.</source>
        <translation>Rien n'est encore choisi ni rejeté : P choisit une vue, X la rejette.</translation>
    </message>
    <message>
        <source>Save picks as ratings</source>
        <translation>Enregistrer les choix comme notes</translation>
    </message>
    <message>
        <source>{picks} the stars you choose, {rejects} -1 (rejected), as darktable, Lightroom, digiKam and Capture One read them. A photo's existing sidecar keeps its name and every other field; a new one is named {style}. The photos themselves are not changed. Undo (Ctrl+Z) takes it back.</source>
        <translation>{picks} les étoiles que vous choisissez, {rejects} -1 (rejetée), comme darktable, Lightroom, digiKam et Capture One les lisent. Le fichier annexe existant d'une photo garde son nom et tous ses autres champs ; un nouveau s'appelle {style}. Les photos elles-mêmes ne sont pas modifiées. Annuler (Ctrl+Z) revient en arrière.</translation>
    </message>
    <message>
        <source>; {n} already said so</source>
        <translation> ; {n} le disaient déjà</translation>
    </message>
    <message>
        <source>These frames' sidecars were left as they were:</source>
        <translation>Les fichiers annexes de ces vues sont restés tels quels :</translation>
    </message>
    <message>
        <source>Some ratings were not saved</source>
        <translation>Certaines notes n'ont pas été enregistrées</translation>
    </message>
</context>
<context>
    <name>FindAndExport</name>
    <message>
        <source>Nothing to export yet: scan your folders first.</source>
        <translation>Rien à exporter pour l'instant : analysez d'abord vos dossiers.</translation>
    </message>
    <message>
        <source>Export report</source>
        <translation>Exporter le rapport</translation>
    </message>
    <message>
        <source>CSV, for spreadsheets (*.csv)</source>
        <translation>CSV, pour les tableurs (*.csv)</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>The report could not be saved: {error}</source>
        <translation>Le rapport n'a pas pu être enregistré : {error}</translation>
    </message>
    <message>
        <source>Report saved to {path}: {groups}; {size} reclaimable in {n} photos.</source>
        <translation>Rapport enregistré dans {path} : {groups} ; {size} récupérables dans {n} photos.</translation>
    </message>
    <message>
        <source>Photos ({patterns})</source>
        <translation>Photos ({patterns})</translation>
    </message>
    <message>
        <source>Find photos like…</source>
        <translation>Trouver des photos semblables…</translation>
    </message>
    <message>
        <source>Scan your folders first; then drop a photo to find the ones like it.</source>
        <translation>Analysez d'abord vos dossiers ; puis déposez une photo pour trouver celles qui lui ressemblent.</translation>
    </message>
    <message>
        <source>Looking for photos like {photo}…</source>
        <translation>Recherche des photos semblables à {photo}…</translation>
    </message>
</context>
<context>
    <name>FolderList</name>
    <message>
        <source>Folders to scan. Tick a folder to make it a reference folder: its photos are kept
and never marked or moved to the trash (e.g. your organised archive).</source>
        <translation>Dossiers à analyser. Cochez un dossier pour en faire un dossier de référence : ses photos sont gardées
et jamais marquées ni mises à la corbeille (p. ex. vos archives rangées).</translation>
    </message>
    <message>
        <source>Tick to keep every photo in it (reference folder)</source>
        <translation>Cochez pour garder toutes ses photos (dossier de référence)</translation>
    </message>
</context>
<context>
    <name>FolderPanel</name>
    <message>
        <source>Add folder…</source>
        <translation>Ajouter un dossier…</translation>
    </message>
    <message>
        <source>Choose a folder to scan (Ctrl+O); you can also drop folders on the window</source>
        <translation>Choisir un dossier à analyser (Ctrl+O) ; vous pouvez aussi déposer des dossiers sur la fenêtre</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>Remove the selected folders from the list (their photos stay on disk)</source>
        <translation>Retirer les dossiers sélectionnés de la liste (leurs photos restent sur le disque)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Folders&lt;/b&gt; (tick = reference, always kept)</source>
        <translation>&lt;b&gt;Dossiers&lt;/b&gt; (coché = référence, toujours gardé)</translation>
    </message>
    <message>
        <source>Add a folder to scan</source>
        <translation>Ajouter un dossier à analyser</translation>
    </message>
    <message>
        <source>Exclude this folder</source>
        <translation>Exclure ce dossier</translation>
    </message>
    <message>
        <source>Leave “{folder}” out of every scan from now on?</source>
        <translation>Exclure « {folder} » de toutes les analyses désormais ?</translation>
    </message>
    <message>
        <source>Its photos leave the groups and are not read again. Nothing is moved or deleted. To scan it again: Edit ▸ Excluded folders…</source>
        <translation>Ses photos quittent les groupes et ne sont plus lues. Rien n'est déplacé ni supprimé. Pour l'analyser de nouveau : Édition ▸ Dossiers exclus…</translation>
    </message>
    <message>
        <source>Leave it out</source>
        <translation>L'exclure</translation>
    </message>
    <message>
        <source>Excluded folders</source>
        <translation>Dossiers exclus</translation>
    </message>
    <message>
        <source>Folders and patterns left out of scans, one per line
(a folder's path, a name such as Backup, or a pattern such as */Export/*):</source>
        <translation>Dossiers et motifs exclus des analyses, un par ligne
(le chemin d'un dossier, un nom comme Backup ou un motif comme */Export/*) :</translation>
    </message>
</context>
<context>
    <name>GroupColumn</name>
    <message>
        <source>Groups of near-duplicate photos, in the order Sort says (Ctrl+↑/↓)</source>
        <translation>Groupes de photos presque identiques, dans l'ordre de « Trier » (Ctrl+↑/↓)</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>Groupes</translation>
    </message>
    <message>
        <source>The order the groups are listed in</source>
        <translation>L'ordre dans lequel les groupes sont listés</translation>
    </message>
    <message>
        <source>Sort:</source>
        <translation>Trier :</translation>
    </message>
    <message>
        <source>Find:</source>
        <translation>Trouver :</translation>
    </message>
</context>
<context>
    <name>GroupListModel</name>
    <message>
        <source>{n} marked</source>
        <translation>{n} marquées</translation>
    </message>
    <message>
        <source>Keeps {path}</source>
        <translation>Garde {path}</translation>
    </message>
</context>
<context>
    <name>ImagePane</name>
    <message>
        <source>Scroll to zoom, drag to pan; both sides follow</source>
        <translation>Molette pour zoomer, glisser pour se déplacer ; les deux côtés suivent</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <source>This photo cannot be shown</source>
        <translation>Cette photo ne peut pas être affichée</translation>
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
    <name>LoupeDialog</name>
    <message>
        <source>Loupe — {photo}</source>
        <translation>Loupe — {photo}</translation>
    </message>
    <message>
        <source>100 %: one pixel of the photo for one pixel of the screen; drag to pan</source>
        <translation>100 % : un pixel de la photo pour un pixel de l'écran ; glissez pour vous déplacer</translation>
    </message>
    <message>
        <source>{photo} at 100 %</source>
        <translation>{photo} à 100 %</translation>
    </message>
    <message>
        <source>&lt;b&gt;{photo}&lt;/b&gt; — 100 %, at its sharpest spot · {why}</source>
        <translation>&lt;b&gt;{photo}&lt;/b&gt; — 100 %, à son endroit le plus net · {why}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Photos in reference folders are always kept and cannot be marked.</source>
        <translation>Les photos des dossiers de référence sont toujours gardées et ne peuvent pas être marquées.</translation>
    </message>
    <message>
        <source>Moving: {done} of {total}</source>
        <translation>Déplacement : {done} sur {total}</translation>
    </message>
    <message>
        <source>Reading your photos… groups appear here as they are found.</source>
        <translation>Lecture de vos photos… les groupes apparaissent ici dès qu'ils sont trouvés.</translation>
    </message>
    <message>
        <source>Finding the series of your shoot and measuring their frames… they appear here next.</source>
        <translation>Recherche des séries de votre séance et mesure de leurs vues… elles apparaîtront ici.</translation>
    </message>
    <message>
        <source>Left out of scans: {folder} (Edit ▸ Excluded folders… brings it back)</source>
        <translation>Exclu des analyses : {folder} (Édition ▸ Dossiers exclus… le rétablit)</translation>
    </message>
    <message>
        <source>{folder} is left out of scans now; scanning again…</source>
        <translation>{folder} est maintenant exclu des analyses ; nouvelle analyse…</translation>
    </message>
    <message>
        <source>Looking for photos…</source>
        <translation>Recherche des photos…</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Arrêt…</translation>
    </message>
    <message>
        <source>Scan cancelled. Photos read so far are remembered; Scan again to go on.</source>
        <translation>Analyse annulée. Les photos lues jusqu'ici sont mémorisées ; analysez de nouveau pour continuer.</translation>
    </message>
    <message>
        <source>“Mark all but the best” now keeps: {rules}.</source>
        <translation>« Marquer toutes sauf la meilleure » garde maintenant : {rules}.</translation>
    </message>
    <message>
        <source>Mark every photo of this group except the best: {rules}</source>
        <translation>Marquer chaque photo de ce groupe sauf la meilleure : {rules}</translation>
    </message>
    <message>
        <source>In every group, mark every photo except the best: {rules}</source>
        <translation>Dans chaque groupe, marquer chaque photo sauf la meilleure : {rules}</translation>
    </message>
    <message>
        <source>Move the marked photos to…</source>
        <translation>Déplacer les photos marquées dans…</translation>
    </message>
    <message>
        <source>Problem files and other files</source>
        <translation>Fichiers à problème et autres fichiers</translation>
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
<context>
    <name>Messages</name>
    <message>
        <source>Something went wrong</source>
        <translation>Un problème est survenu</translation>
    </message>
    <message>
        <source>About photodedupe</source>
        <translation>À propos de photodedupe</translation>
    </message>
    <message>
        <source>&lt;p&gt;Finds near-duplicate photos — copies, resized and re-saved versions, edits — and moves the ones you reject to the Trash. Nothing is ever deleted permanently. In Shots mode it ranks the frames of each burst of a shoot, sharpest first.&lt;/p&gt;&lt;p&gt;Photos are compared with a 128-bit difference hash; the slider sets how many bits two photos may differ by.&lt;/p&gt;&lt;p&gt;MIT licence.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Trouve les photos presque identiques — copies, versions redimensionnées ou réenregistrées, retouches — et met à la corbeille celles que vous rejetez. Rien n'est jamais supprimé définitivement. En mode Séries, il classe les vues de chaque rafale d'une séance, la plus nette d'abord.&lt;/p&gt;&lt;p&gt;Les photos sont comparées avec une empreinte de différence de 128 bits ; le curseur fixe de combien de bits deux photos peuvent différer.&lt;/p&gt;&lt;p&gt;Licence MIT.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>PhotoCommands</name>
    <message>
        <source>not measured (Shots mode measures frames)</source>
        <translation>non mesurée (le mode Séries mesure les vues)</translation>
    </message>
</context>
<context>
    <name>PhotoGridModel</name>
    <message>
        <source>★ The photo this group keeps: {why}</source>
        <translation>★ La photo que ce groupe garde : {why}</translation>
    </message>
    <message>
        <source>One shot with {name} (RAW+JPEG): “Mark all but the best” keeps them together</source>
        <translation>Une seule prise avec {name} (RAW+JPEG) : « Marquer toutes sauf la meilleure » les garde ensemble</translation>
    </message>
    <message>
        <source>One shot with {name} (RAW+JPEG): “Mark all but the best” may keep only one</source>
        <translation>Une seule prise avec {name} (RAW+JPEG) : « Marquer toutes sauf la meilleure » peut n'en garder qu'une</translation>
    </message>
    <message>
        <source>Kept: {why}</source>
        <translation>Gardée : {why}</translation>
    </message>
    <message>
        <source>kept</source>
        <translation>gardée</translation>
    </message>
    <message>
        <source>in a reference folder, always kept</source>
        <translation>dans un dossier de référence, toujours gardée</translation>
    </message>
    <message>
        <source>{width} by {height}</source>
        <translation>{width} sur {height}</translation>
    </message>
    <message>
        <source>marked for the trash</source>
        <translation>marquée pour la corbeille</translation>
    </message>
    <message>
        <source>not marked</source>
        <translation>non marquée</translation>
    </message>
</context>
<context>
    <name>ProblemsDialog</name>
    <message>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Raison</translation>
    </message>
    <message>
        <source>Show in Folder</source>
        <translation>Afficher dans le dossier</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ouvrir</translation>
    </message>
    <message>
        <source>Copy Paths</source>
        <translation>Copier les chemins</translation>
    </message>
    <message>
        <source>Copy Path</source>
        <translation>Copier le chemin</translation>
    </message>
</context>
<context>
    <name>RulesDialog</name>
    <message>
        <source>Which photo to keep</source>
        <translation>Quelle photo garder</translation>
    </message>
    <message>
        <source>In each group, “Mark all but the best” keeps one photo: one in a reference folder if there is one, then the best by the rules ticked here, the first rule first (the next rule decides only where the ones above tie). Drag to reorder.</source>
        <translation>Dans chaque groupe, « Marquer toutes sauf la meilleure » garde une photo : celle d'un dossier de référence s'il y en a une, sinon la meilleure selon les règles cochées ici, la première règle d'abord (la suivante ne décide qu'en cas d'égalité). Glissez pour réordonner.</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Monter</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Descendre</translation>
    </message>
    <message>
        <source>Move the selected rule up: it counts before the rules below it</source>
        <translation>Monter la règle choisie : elle compte avant les règles en dessous</translation>
    </message>
    <message>
        <source>Move the selected rule down: it decides only where the rules above tie</source>
        <translation>Descendre la règle choisie : elle ne décide que là où les règles au-dessus sont à égalité</translation>
    </message>
    <message>
        <source>Defaults</source>
        <translation>Par défaut</translation>
    </message>
    <message>
        <source>Put back the rules photodedupe starts with</source>
        <translation>Remettre les règles de départ de photodedupe</translation>
    </message>
    <message>
        <source>Add folder…</source>
        <translation>Ajouter un dossier…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>Add a folder whose photos are kept before the same photos elsewhere</source>
        <translation>Ajouter un dossier dont les photos sont gardées avant les mêmes photos ailleurs</translation>
    </message>
    <message>
        <source>Remove the selected preferred folders from the list</source>
        <translation>Retirer de la liste les dossiers préférés choisis</translation>
    </message>
    <message>
        <source>Keep a RAW and the JPEG shot with it together (same folder and name)</source>
        <translation>Garder ensemble un RAW et le JPEG pris avec lui (même dossier et même nom)</translation>
    </message>
    <message>
        <source>Preferred folders (for “In a preferred folder”):</source>
        <translation>Dossiers préférés (pour « Dans un dossier préféré ») :</translation>
    </message>
    <message>
        <source>Preferred folder</source>
        <translation>Dossier préféré</translation>
    </message>
    <message>
        <source>&lt;b&gt;Keeps:&lt;/b&gt; {rules}.</source>
        <translation>&lt;b&gt;Garde :&lt;/b&gt; {rules}.</translation>
    </message>
</context>
<context>
    <name>SearchResultsDialog</name>
    <message>
        <source>Photos like this one</source>
        <translation>Photos semblables à celle-ci</translation>
    </message>
    <message>
        <source>No scanned photo is within {bits} bits of &lt;b&gt;{name}&lt;/b&gt;. Move the similarity slider to the right to look further.</source>
        <translation>Aucune photo analysée n'est à {bits} bits au plus de &lt;b&gt;{name}&lt;/b&gt;. Déplacez le curseur de ressemblance vers la droite pour chercher plus loin.</translation>
    </message>
    <message>
        <source>turned or mirrored</source>
        <translation>tournée ou retournée</translation>
    </message>
    <message>
        <source>(the example itself)</source>
        <translation>(l'exemple lui-même)</translation>
    </message>
    <message>
        <source>Show in folder</source>
        <translation>Afficher dans le dossier</translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <source>Move between photos</source>
        <translation>Passer d'une photo à l'autre</translation>
    </message>
    <message>
        <source>Arrow keys</source>
        <translation>Flèches</translation>
    </message>
    <message>
        <source>In compare: previous / next photo</source>
        <translation>En comparaison : photo précédente / suivante</translation>
    </message>
    <message>
        <source>In compare: whole photos / 100 %</source>
        <translation>En comparaison : photos entières / 100 %</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Touches</translation>
    </message>
</context>
<context>
    <name>ShownReview</name>
    <message>
        <source>Marked ★ {photo}, the photo its group keeps.</source>
        <translation>★ {photo} marquée, la photo que son groupe garde.</translation>
    </message>
    <message>
        <source>★ {photo} is the photo its group keeps: keys never mark it. To mark it anyway, click the box in its corner.</source>
        <translation>★ {photo} est la photo que son groupe garde : les touches ne la marquent jamais. Pour la marquer quand même, cliquez sur la case dans son coin.</translation>
    </message>
</context>
<context>
    <name>SimilaritySlider</name>
    <message>
        <source>How different two photos may be and still be grouped,
in bits of a {bits}-bit hash: {levels}</source>
        <translation>Jusqu'à quel point deux photos peuvent différer et être encore regroupées,
en bits d'une empreinte de {bits} bits : {levels}</translation>
    </message>
    <message>
        <source>Similarity</source>
        <translation>Ressemblance</translation>
    </message>
    <message>
        <source>Similarity:</source>
        <translation>Ressemblance :</translation>
    </message>
    <message>
        <source>Stricter</source>
        <translation>Plus strict</translation>
    </message>
    <message>
        <source>Looser</source>
        <translation>Plus large</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Stop the scan (Esc); photos read so far are kept for next time</source>
        <translation>Arrêter l'analyse (Échap) ; les photos lues jusqu'ici sont gardées pour la prochaine fois</translation>
    </message>
</context>
<context>
    <name>TileDelegate</name>
    <message>
        <source>★ Kept: {why}</source>
        <translation>★ Gardée : {why}</translation>
    </message>
    <message>
        <source>No date taken</source>
        <translation>Pas de date de prise de vue</translation>
    </message>
    <message>
        <source>Cannot show
this photo</source>
        <translation>Impossible d'afficher
cette photo</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <source>Trash</source>
        <translation>Corbeille</translation>
    </message>
    <message>
        <source>Reference folder</source>
        <translation>Dossier de référence</translation>
    </message>
    <message>
        <source>Pick</source>
        <translation>Choisie</translation>
    </message>
    <message>
        <source>Best</source>
        <translation>Meilleure</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>Garder</translation>
    </message>
    <message>
        <source>Damaged</source>
        <translation>Endommagée</translation>
    </message>
</context>
<context>
    <name>Workers</name>
    <message>
        <source>The operation failed unexpectedly.</source>
        <translation>L'opération a échoué de façon inattendue.</translation>
    </message>
    <message>
        <source>{photo} cannot be used: {reason}</source>
        <translation>{photo} ne peut pas être utilisée : {reason}</translation>
    </message>
</context>
</TS>