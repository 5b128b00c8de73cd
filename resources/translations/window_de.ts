<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="de">
<context>
    <name>Act</name>
    <message>
        <source>&amp;Add folder…</source>
        <translation>Ordner &amp;hinzufügen…</translation>
    </message>
    <message>
        <source>Add a folder to scan</source>
        <translation>Einen Ordner zum Durchsuchen hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Remove folder</source>
        <translation>Ordner &amp;entfernen</translation>
    </message>
    <message>
        <source>Remove selected folders</source>
        <translation>Die gewählten Ordner entfernen</translation>
    </message>
    <message>
        <source>&amp;Scan</source>
        <translation>&amp;Durchsuchen</translation>
    </message>
    <message>
        <source>Scan the folders for duplicate photos</source>
        <translation>Die Ordner nach doppelten Fotos durchsuchen</translation>
    </message>
    <message>
        <source>&amp;Cancel scan</source>
        <translation>Suche a&amp;bbrechen</translation>
    </message>
    <message>
        <source>Stop the scan</source>
        <translation>Die Suche anhalten</translation>
    </message>
    <message>
        <source>&amp;Find photos like…</source>
        <translation>Ähnliche Fotos &amp;finden…</translation>
    </message>
    <message>
        <source>Pick a photo and see every scanned photo like it, nearest first (or drop a photo here)</source>
        <translation>Ein Foto wählen und jedes durchsuchte Foto sehen, das ihm gleicht, das ähnlichste zuerst (oder ein Foto hierher ziehen)</translation>
    </message>
    <message>
        <source>&amp;Export report…</source>
        <translation>Bericht e&amp;xportieren…</translation>
    </message>
    <message>
        <source>Save the groups, with each photo's metadata and mark, as CSV or JSON</source>
        <translation>Die Gruppen mit den Metadaten und der Markierung jedes Fotos als CSV oder JSON speichern</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Toggle mark</source>
        <translation>Markierung &amp;umschalten</translation>
    </message>
    <message>
        <source>Mark or unmark the selected photos</source>
        <translation>Die gewählten Fotos markieren oder die Markierung aufheben</translation>
    </message>
    <message>
        <source>Mark all &amp;shown</source>
        <translation>Alle &amp;gezeigten markieren</translation>
    </message>
    <message>
        <source>Mark every photo the details table shows (as filtered), or every photo of the shown group, except each group's ★</source>
        <translation>Jedes Foto markieren, das die Detailtabelle (gefiltert) zeigt, oder jedes Foto der gezeigten Gruppe, außer dem ★ jeder Gruppe</translation>
    </message>
    <message>
        <source>Mark all but the &amp;best in this group</source>
        <translation>Alle außer dem &amp;besten in dieser Gruppe markieren</translation>
    </message>
    <message>
        <source>Mark every photo of this group except the best</source>
        <translation>Jedes Foto dieser Gruppe außer dem besten markieren</translation>
    </message>
    <message>
        <source>Mark all but the best in &amp;all groups</source>
        <translation>Alle außer dem besten in &amp;allen Gruppen markieren</translation>
    </message>
    <message>
        <source>In every group, mark every photo except the best</source>
        <translation>In jeder Gruppe jedes Foto außer dem besten markieren</translation>
    </message>
    <message>
        <source>Mark all but best</source>
        <translation>Alle außer bestem markieren</translation>
    </message>
    <message>
        <source>&amp;Which photo to keep…</source>
        <translation>&amp;Welches Foto bleibt…</translation>
    </message>
    <message>
        <source>Choose and order the rules that “Mark all but the best” follows</source>
        <translation>Die Regeln wählen und ordnen, denen „Alle außer dem besten markieren“ folgt</translation>
    </message>
    <message>
        <source>Excluded &amp;folders…</source>
        <translation>Ausgeschlossene &amp;Ordner…</translation>
    </message>
    <message>
        <source>The folders and patterns left out of scans, one per line</source>
        <translation>Die Ordner und Muster, die beim Durchsuchen ausgelassen werden, einer je Zeile</translation>
    </message>
    <message>
        <source>&amp;Unmark this group</source>
        <translation>Markierungen dieser Gruppe auf&amp;heben</translation>
    </message>
    <message>
        <source>Unmark this group</source>
        <translation>Markierungen dieser Gruppe aufheben</translation>
    </message>
    <message>
        <source>Unmark a&amp;ll</source>
        <translation>A&amp;lle Markierungen aufheben</translation>
    </message>
    <message>
        <source>Unmark every photo</source>
        <translation>Die Markierung jedes Fotos aufheben</translation>
    </message>
    <message>
        <source>&amp;Move marked to Trash…</source>
        <translation>Markierte in den &amp;Papierkorb verschieben…</translation>
    </message>
    <message>
        <source>Move the marked photos to the Trash (you can undo)</source>
        <translation>Die markierten Fotos in den Papierkorb verschieben (rückgängig machbar)</translation>
    </message>
    <message>
        <source>Move to Trash</source>
        <translation>In den Papierkorb</translation>
    </message>
    <message>
        <source>Move marked to &amp;folder…</source>
        <translation>Markierte in einen &amp;Ordner verschieben…</translation>
    </message>
    <message>
        <source>Move the marked photos into a folder you choose, instead of the Trash (you can undo)</source>
        <translation>Die markierten Fotos statt in den Papierkorb in einen Ordner Ihrer Wahl verschieben (rückgängig machbar)</translation>
    </message>
    <message>
        <source>&amp;Undo move to Trash</source>
        <translation>Verschieben in den Papierkorb &amp;rückgängig machen</translation>
    </message>
    <message>
        <source>Put the last moved photos back</source>
        <translation>Die zuletzt verschobenen Fotos zurücklegen</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Details table</source>
        <translation>&amp;Detailtabelle</translation>
    </message>
    <message>
        <source>Every photo of every group as a sortable table, with a filter (Ctrl+T again: thumbnails)</source>
        <translation>Jedes Foto jeder Gruppe als sortierbare Tabelle, mit Filter (noch einmal Strg+T: Vorschaubilder)</translation>
    </message>
    <message>
        <source>&amp;Compare…</source>
        <translation>&amp;Vergleichen…</translation>
    </message>
    <message>
        <source>Compare the selected photo with the ★ at full size (double-click)</source>
        <translation>Das gewählte Foto in voller Größe mit dem ★ vergleichen (Doppelklick)</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>Ö&amp;ffnen</translation>
    </message>
    <message>
        <source>Open with the default viewer</source>
        <translation>Mit dem Standardprogramm öffnen</translation>
    </message>
    <message>
        <source>Show in &amp;folder</source>
        <translation>Im &amp;Ordner zeigen</translation>
    </message>
    <message>
        <source>Show the selected photo in the file manager</source>
        <translation>Das gewählte Foto in der Dateiverwaltung zeigen</translation>
    </message>
    <message>
        <source>E&amp;xclude this folder from scans</source>
        <translation>Diesen Ordner beim Durchsuchen aus&amp;lassen</translation>
    </message>
    <message>
        <source>Leave the selected photo's folder out of every scan (Edit ▸ Excluded folders… to undo)</source>
        <translation>Den Ordner des gewählten Fotos bei jeder Suche auslassen (rückgängig: Bearbeiten ▸ Ausgeschlossene Ordner…)</translation>
    </message>
    <message>
        <source>&amp;Duplicates</source>
        <translation>&amp;Duplikate</translation>
    </message>
    <message>
        <source>Copies of one photo: keep one of each group</source>
        <translation>Kopien eines Fotos: eines je Gruppe behalten</translation>
    </message>
    <message>
        <source>S&amp;hots (culling)</source>
        <translation>&amp;Serien (Auswahl)</translation>
    </message>
    <message>
        <source>Bursts of a shoot: frames taken together, sharpest first; keep the best</source>
        <translation>Serien eines Shootings: zusammen aufgenommene Bilder, das schärfste zuerst; das beste behalten</translation>
    </message>
    <message>
        <source>&amp;Pick (keep)</source>
        <translation>&amp;Auswählen (behalten)</translation>
    </message>
    <message>
        <source>Keep the selected photo (unmarked) and go to the next</source>
        <translation>Das gewählte Foto behalten (unmarkiert) und zum nächsten gehen</translation>
    </message>
    <message>
        <source>Re&amp;ject</source>
        <translation>Ab&amp;lehnen</translation>
    </message>
    <message>
        <source>Mark the selected photo for the Trash and go to the next</source>
        <translation>Das gewählte Foto für den Papierkorb markieren und zum nächsten gehen</translation>
    </message>
    <message>
        <source>Clear pick or reject</source>
        <translation>Auswahl oder Ablehnung aufheben</translation>
    </message>
    <message>
        <source>Neither picked nor rejected, and go to the next</source>
        <translation>Weder ausgewählt noch abgelehnt, und zum nächsten gehen</translation>
    </message>
    <message>
        <source>&amp;Save picks as ratings…</source>
        <translation>Auswahl als Bewertungen &amp;speichern…</translation>
    </message>
    <message>
        <source>Shots: write each pick's stars and each reject's -1 into its XMP sidecar, for darktable, Lightroom, digiKam or Capture One (you can undo)</source>
        <translation>Serien: die Sterne jeder Auswahl und das -1 jeder Ablehnung in ihre XMP-Begleitdatei schreiben, für darktable, Lightroom, digiKam oder Capture One (rückgängig machbar)</translation>
    </message>
    <message>
        <source>New sidecars named for &amp;Lightroom (NAME.xmp)</source>
        <translation>Neue Begleitdateien nach &amp;Lightroom benennen (NAME.xmp)</translation>
    </message>
    <message>
        <source>Ratings go into a photo's existing sidecar; a new one is named NAME.xmp (Lightroom, Capture One) when this is ticked, else NAME.EXT.xmp (darktable, digiKam)</source>
        <translation>Bewertungen kommen in die vorhandene Begleitdatei eines Fotos; eine neue heißt NAME.xmp (Lightroom, Capture One), wenn dies angehakt ist, sonst NAME.EXT.xmp (darktable, digiKam)</translation>
    </message>
    <message>
        <source>&amp;Loupe</source>
        <translation>&amp;Lupe</translation>
    </message>
    <message>
        <source>The selected photo at 100 %, where it is sharpest (Z or Esc closes)</source>
        <translation>Das gewählte Foto in 100 %, wo es am schärfsten ist (Z oder Esc schließt)</translation>
    </message>
    <message>
        <source>&amp;Next group</source>
        <translation>&amp;Nächste Gruppe</translation>
    </message>
    <message>
        <source>Next group</source>
        <translation>Nächste Gruppe</translation>
    </message>
    <message>
        <source>&amp;Previous group</source>
        <translation>&amp;Vorige Gruppe</translation>
    </message>
    <message>
        <source>Previous group</source>
        <translation>Vorige Gruppe</translation>
    </message>
    <message>
        <source>Larger thumbnails</source>
        <translation>Größere Vorschaubilder</translation>
    </message>
    <message>
        <source>Smaller thumbnails</source>
        <translation>Kleinere Vorschaubilder</translation>
    </message>
    <message>
        <source>&amp;Problem files…</source>
        <translation>&amp;Problemdateien…</translation>
    </message>
    <message>
        <source>List the files that could not be used, with the reason</source>
        <translation>Die Dateien auflisten, die sich nicht verwenden ließen, mit dem Grund</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>Every key the window answers to</source>
        <translation>Jede Taste, auf die das Fenster reagiert</translation>
    </message>
    <message>
        <source>&amp;About photodedupe</source>
        <translation>Über &amp;photodedupe</translation>
    </message>
</context>
<context>
    <name>CompareDialog</name>
    <message>
        <source>Compare photos</source>
        <translation>Fotos vergleichen</translation>
    </message>
    <message>
        <source>Zoom, as a share of the larger photo's own pixels (100 % is 1:1)</source>
        <translation>Zoom, als Anteil an den eigenen Pixeln des größeren Fotos (100 % ist 1:1)</translation>
    </message>
    <message>
        <source>◀ Previous</source>
        <translation>◀ Vorige</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>Nächste ▶</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Einpassen</translation>
    </message>
    <message>
        <source>100 %</source>
        <translation>100 %</translation>
    </message>
    <message>
        <source>Compare the previous photo of the group with the ★ (←)</source>
        <translation>Das vorige Foto der Gruppe mit dem ★ vergleichen (←)</translation>
    </message>
    <message>
        <source>Compare the next photo of the group with the ★ (→)</source>
        <translation>Das nächste Foto der Gruppe mit dem ★ vergleichen (→)</translation>
    </message>
    <message>
        <source>Show the whole photos (F)</source>
        <translation>Die ganzen Fotos zeigen (F)</translation>
    </message>
    <message>
        <source>Show the larger photo at its real size, pixel for pixel (1); + and - zoom</source>
        <translation>Das größere Foto in echter Größe zeigen, Pixel für Pixel (1); + und - zoomen</translation>
    </message>
    <message>
        <source>{n} of {total}</source>
        <translation>{n} von {total}</translation>
    </message>
    <message>
        <source>the photo kept (★): {why}</source>
        <translation>das behaltene Foto (★): {why}</translation>
    </message>
    <message>
        <source>the photo kept (★)</source>
        <translation>das behaltene Foto (★)</translation>
    </message>
    <message>
        <source>compared with {kept}: {note}</source>
        <translation>verglichen mit {kept}: {note}</translation>
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
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Open with the default viewer</source>
        <translation>Mit dem Standardprogramm öffnen</translation>
    </message>
    <message>
        <source>Show in folder</source>
        <translation>Im Ordner zeigen</translation>
    </message>
    <message>
        <source>Show the photo in the file manager</source>
        <translation>Das Foto in der Dateiverwaltung zeigen</translation>
    </message>
    <message>
        <source>{photo}, {caption}</source>
        <translation>{photo}, {caption}</translation>
    </message>
    <message>
        <source>Open {photo} with the default viewer</source>
        <translation>{photo} mit dem Standardprogramm öffnen</translation>
    </message>
    <message>
        <source>Show {photo} in the file manager</source>
        <translation>{photo} in der Dateiverwaltung zeigen</translation>
    </message>
    <message>
        <source>Marked for Trash</source>
        <translation>Für Papierkorb markiert</translation>
    </message>
    <message>
        <source>Mark for Trash</source>
        <translation>Für Papierkorb markieren</translation>
    </message>
    <message>
        <source>In a reference folder: always kept</source>
        <translation>In einem Referenzordner: bleibt immer</translation>
    </message>
    <message>
        <source>Toggle the mark (Space)</source>
        <translation>Markierung umschalten (Leertaste)</translation>
    </message>
    <message>
        <source>{photo} is in a reference folder: always kept</source>
        <translation>{photo} liegt in einem Referenzordner: bleibt immer</translation>
    </message>
    <message>
        <source>Mark or unmark {photo} for the Trash (Space)</source>
        <translation>{photo} für den Papierkorb markieren oder die Markierung aufheben (Leertaste)</translation>
    </message>
</context>
<context>
    <name>CullBar</name>
    <message>
        <source>The longest time between two frames of one series (one camera, looking alike)</source>
        <translation>Die längste Zeit zwischen zwei Bildern einer Serie (eine Kamera, ähnlich aussehend)</translation>
    </message>
    <message>
        <source>Longest time between frames of a series</source>
        <translation>Längste Zeit zwischen Bildern einer Serie</translation>
    </message>
    <message>
        <source>How many frames of each series “Mark all but the best” keeps</source>
        <translation>Wie viele Bilder jeder Serie „Alle außer dem besten markieren“ behält</translation>
    </message>
    <message>
        <source>Frames kept of each series</source>
        <translation>Behaltene Bilder je Serie</translation>
    </message>
    <message>
        <source>Series: frames within</source>
        <translation>Serien: Bilder innerhalb von</translation>
    </message>
    <message>
        <source>of each other · keep the best</source>
        <translation>voneinander · die besten</translation>
    </message>
    <message>
        <source>of each</source>
        <translation>jeder behalten</translation>
    </message>
</context>
<context>
    <name>CullMode</name>
    <message>
        <source>Scan your folders first; then Shots ranks the frames of each burst.</source>
        <translation>Zuerst die Ordner durchsuchen; dann ordnet „Serien“ die Bilder jeder Serie.</translation>
    </message>
    <message>
        <source>Measuring frames: {done} of {total}</source>
        <translation>Messe Bilder: {done} von {total}</translation>
    </message>
    <message>
        <source>Finding the series and measuring their frames…</source>
        <translation>Suche die Serien und messe ihre Bilder…</translation>
    </message>
</context>
<context>
    <name>DetailsModel</name>
    <message>
        <source>★ kept</source>
        <translation>★ bleibt</translation>
    </message>
    <message>
        <source>marked for the trash</source>
        <translation>für den Papierkorb markiert</translation>
    </message>
    <message>
        <source>not marked</source>
        <translation>nicht markiert</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Files that travel with this photo:</source>
        <translation>Dateien, die mit diesem Foto gehen:</translation>
    </message>
</context>
<context>
    <name>DetailsTable</name>
    <message>
        <source>Marked</source>
        <translation>Markiert</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Gruppe</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Pfad</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>Auflösung</translation>
    </message>
    <message>
        <source>Date taken</source>
        <translation>Aufnahmedatum</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Kamera</translation>
    </message>
    <message>
        <source>Distance</source>
        <translation>Abstand</translation>
    </message>
    <message>
        <source>Companions</source>
        <translation>Begleitdateien</translation>
    </message>
</context>
<context>
    <name>DetailsView</name>
    <message>
        <source>Filter by folder or name…</source>
        <translation>Nach Ordner oder Name filtern…</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>Filter</translation>
    </message>
    <message>
        <source>Show only marked</source>
        <translation>Nur markierte zeigen</translation>
    </message>
</context>
<context>
    <name>FileOps</name>
    <message>
        <source>With them go the files that belong to them: {kinds} ({size}).</source>
        <translation>Mit ihnen gehen die Dateien, die zu ihnen gehören: {kinds} ({size}).</translation>
    </message>
    <message>
        <source>Ratings, labels and keywords of a trashed copy are added to the kept photo's sidecar.</source>
        <translation>Bewertungen, Farbmarkierungen und Stichwörter einer weggeworfenen Kopie kommen in die Begleitdatei des behaltenen Fotos.</translation>
    </message>
    <message>
        <source>New XMP sidecars will be named {style}.</source>
        <translation>Neue XMP-Begleitdateien heißen {style}.</translation>
    </message>
    <message>
        <source>Nothing is marked. Mark photos first (Space, or “Mark all but the best”).</source>
        <translation>Nichts ist markiert. Zuerst Fotos markieren (Leertaste oder „Alle außer dem besten markieren“).</translation>
    </message>
    <message>
        <source>Move to Trash</source>
        <translation>In den Papierkorb</translation>
    </message>
    <message>
        <source>Move {what} ({size}) to the Trash?</source>
        <translation>{what} ({size}) in den Papierkorb verschieben?</translation>
    </message>
    <message>
        <source>They can be restored from the Trash, or with Undo (Ctrl+Z).</source>
        <translation>Sie lassen sich aus dem Papierkorb wiederherstellen oder mit Rückgängig (Strg+Z).</translation>
    </message>
    <message>
        <source>Move {n} to Trash</source>
        <translation>{n} in den Papierkorb</translation>
    </message>
    <message>
        <source>Keep their folders</source>
        <translation>Ihre Ordner beibehalten</translation>
    </message>
    <message>
        <source>All in one folder</source>
        <translation>Alle in einen Ordner</translation>
    </message>
    <message>
        <source>Move to folder</source>
        <translation>In einen Ordner verschieben</translation>
    </message>
    <message>
        <source>Move the marked photos into {folder}?</source>
        <translation>Die markierten Fotos nach {folder} verschieben?</translation>
    </message>
    <message>
        <source>Keep each photo's folders inside it (as under the scanned folders), or put them all side by side? A name already there is never overwritten. Undo (Ctrl+Z) puts them back.</source>
        <translation>Die Ordner jedes Fotos darin beibehalten (wie unter den durchsuchten Ordnern) oder alle nebeneinander legen? Ein vorhandener Name wird nie überschrieben. Rückgängig (Strg+Z) legt sie zurück.</translation>
    </message>
    <message>
        <source>Are you sure you want to move all of them to the Trash?</source>
        <translation>Wirklich alle in den Papierkorb verschieben?</translation>
    </message>
    <message>
        <source>Are you sure you want to move all of them to {folder}?</source>
        <translation>Wirklich alle nach {folder} verschieben?</translation>
    </message>
    <message>
        <source>Every photo of a group is marked</source>
        <translation>Jedes Foto einer Gruppe ist markiert</translation>
    </message>
    <message>
        <source>Move them all</source>
        <translation>Alle verschieben</translation>
    </message>
    <message>
        <source>Moved {what} to the Trash; emptying it frees {size}.</source>
        <translation>{what} in den Papierkorb verschoben; ihn zu leeren gibt {size} frei.</translation>
    </message>
    <message>
        <source>Moved {what} ({size}) to {folder}.</source>
        <translation>{what} ({size}) nach {folder} verschoben.</translation>
    </message>
    <message>
        <source>Undo with Ctrl+Z.</source>
        <translation>Rückgängig mit Strg+Z.</translation>
    </message>
    <message>
        <source>Some photos were not moved</source>
        <translation>Einige Fotos wurden nicht verschoben</translation>
    </message>
    <message>
        <source>Put {what} back where they were.</source>
        <translation>{what} dorthin zurückgelegt, wo sie waren.</translation>
    </message>
    <message>
        <source>Some photos were not put back</source>
        <translation>Einige Fotos wurden nicht zurückgelegt</translation>
    </message>
    <message>
        <source>These photos are still in the Trash:</source>
        <translation>Diese Fotos liegen noch im Papierkorb:</translation>
    </message>
    <message>
        <source>Put them back</source>
        <translation>Zurücklegen</translation>
    </message>
    <message>
        <source>Finish moving</source>
        <translation>Verschieben beenden</translation>
    </message>
    <message>
        <source>A move to the Trash was interrupted</source>
        <translation>Ein Verschieben in den Papierkorb wurde unterbrochen</translation>
    </message>
    <message>
        <source>photodedupe stopped while moving photos to the Trash ({when}): {in_trash}, {pending}.</source>
        <translation>photodedupe hörte beim Verschieben von Fotos in den Papierkorb auf ({when}): {in_trash}, {pending}.</translation>
    </message>
    <message>
        <source>No photo is lost. Put the moved ones back, or finish moving the rest?</source>
        <translation>Kein Foto ist verloren. Die verschobenen zurücklegen oder den Rest fertig verschieben?</translation>
    </message>
    <message>
        <source>Decide later</source>
        <translation>Später entscheiden</translation>
    </message>
    <message>
        <source>Save picks as ratings works in Shots (Ctrl+2), with frames picked or rejected.</source>
        <translation>Auswahl als Bewertungen speichern geht in Serien (Strg+2), mit ausgewählten oder abgelehnten Bildern.</translation>
    </message>
    <message>
        <source>Nothing is picked or rejected yet: P picks a frame, X rejects it.</source>
        <translation>Noch ist nichts ausgewählt oder abgelehnt: P wählt ein Bild aus, X lehnt es ab.</translation>
    </message>
    <message>
        <source>Save picks as ratings</source>
        <translation>Auswahl als Bewertungen speichern</translation>
    </message>
    <message>
        <source>{picks} the stars you choose, {rejects} -1 (rejected), as darktable, Lightroom, digiKam and Capture One read them. A photo's existing sidecar keeps its name and every other field; a new one is named {style}. The photos themselves are not changed. Undo (Ctrl+Z) takes it back.</source>
        <translation>{picks} die gewählten Sterne, {rejects} -1 (abgelehnt), wie darktable, Lightroom, digiKam und Capture One sie lesen. Eine vorhandene Begleitdatei behält ihren Namen und alle anderen Felder; eine neue heißt {style}. Die Fotos selbst werden nicht verändert. Rückgängig (Strg+Z) nimmt es zurück.</translation>
    </message>
    <message>
        <source>; {n} already said so</source>
        <translation>; {n} standen schon so darin</translation>
    </message>
    <message>
        <source>These frames' sidecars were left as they were:</source>
        <translation>Die Begleitdateien dieser Bilder blieben, wie sie waren:</translation>
    </message>
    <message>
        <source>Some ratings were not saved</source>
        <translation>Einige Bewertungen wurden nicht gespeichert</translation>
    </message>
</context>
<context>
    <name>FindAndExport</name>
    <message>
        <source>Nothing to export yet: scan your folders first.</source>
        <translation>Noch nichts zu exportieren: zuerst die Ordner durchsuchen.</translation>
    </message>
    <message>
        <source>Export report</source>
        <translation>Bericht exportieren</translation>
    </message>
    <message>
        <source>CSV, for spreadsheets (*.csv)</source>
        <translation>CSV, für Tabellenkalkulationen (*.csv)</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>The report could not be saved: {error}</source>
        <translation>Der Bericht ließ sich nicht speichern: {error}</translation>
    </message>
    <message>
        <source>Report saved to {path}: {groups}; {size} reclaimable in {n} photos.</source>
        <translation>Bericht gespeichert unter {path}: {groups}; {size} frei werdend in {n} Fotos.</translation>
    </message>
    <message>
        <source>Photos ({patterns})</source>
        <translation>Fotos ({patterns})</translation>
    </message>
    <message>
        <source>Find photos like…</source>
        <translation>Ähnliche Fotos finden…</translation>
    </message>
    <message>
        <source>Scan your folders first; then drop a photo to find the ones like it.</source>
        <translation>Zuerst die Ordner durchsuchen; dann ein Foto hierher ziehen, um die ähnlichen zu finden.</translation>
    </message>
    <message>
        <source>Looking for photos like {photo}…</source>
        <translation>Suche Fotos wie {photo}…</translation>
    </message>
</context>
<context>
    <name>FolderList</name>
    <message>
        <source>Folders to scan. Tick a folder to make it a reference folder: its photos are kept
and never marked or moved to the trash (e.g. your organised archive).</source>
        <translation>Zu durchsuchende Ordner. Einen Ordner anhaken, um ihn zum Referenzordner zu machen: seine Fotos bleiben
und werden nie markiert oder in den Papierkorb verschoben (z. B. Ihr geordnetes Archiv).</translation>
    </message>
    <message>
        <source>Tick to keep every photo in it (reference folder)</source>
        <translation>Anhaken, um jedes Foto darin zu behalten (Referenzordner)</translation>
    </message>
</context>
<context>
    <name>FolderPanel</name>
    <message>
        <source>Add folder…</source>
        <translation>Ordner hinzufügen…</translation>
    </message>
    <message>
        <source>Choose a folder to scan (Ctrl+O); you can also drop folders on the window</source>
        <translation>Einen Ordner zum Durchsuchen wählen (Strg+O); Ordner lassen sich auch auf das Fenster ziehen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Remove the selected folders from the list (their photos stay on disk)</source>
        <translation>Die gewählten Ordner aus der Liste entfernen (ihre Fotos bleiben auf der Platte)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Folders&lt;/b&gt; (tick = reference, always kept)</source>
        <translation>&lt;b&gt;Ordner&lt;/b&gt; (Haken = Referenz, bleibt immer)</translation>
    </message>
    <message>
        <source>Add a folder to scan</source>
        <translation>Ordner zum Durchsuchen hinzufügen</translation>
    </message>
    <message>
        <source>Exclude this folder</source>
        <translation>Diesen Ordner auslassen</translation>
    </message>
    <message>
        <source>Leave “{folder}” out of every scan from now on?</source>
        <translation>„{folder}“ ab jetzt bei jeder Suche auslassen?</translation>
    </message>
    <message>
        <source>Its photos leave the groups and are not read again. Nothing is moved or deleted. To scan it again: Edit ▸ Excluded folders…</source>
        <translation>Seine Fotos verlassen die Gruppen und werden nicht mehr gelesen. Nichts wird verschoben oder gelöscht. Um ihn wieder zu durchsuchen: Bearbeiten ▸ Ausgeschlossene Ordner…</translation>
    </message>
    <message>
        <source>Leave it out</source>
        <translation>Auslassen</translation>
    </message>
    <message>
        <source>Excluded folders</source>
        <translation>Ausgeschlossene Ordner</translation>
    </message>
    <message>
        <source>Folders and patterns left out of scans, one per line
(a folder's path, a name such as Backup, or a pattern such as */Export/*):</source>
        <translation>Beim Durchsuchen ausgelassene Ordner und Muster, einer je Zeile
(der Pfad eines Ordners, ein Name wie Backup oder ein Muster wie */Export/*):</translation>
    </message>
</context>
<context>
    <name>GroupColumn</name>
    <message>
        <source>Groups of near-duplicate photos, in the order Sort says (Ctrl+↑/↓)</source>
        <translation>Gruppen fast gleicher Fotos, in der Reihenfolge von „Sortieren“ (Strg+↑/↓)</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>Gruppen</translation>
    </message>
    <message>
        <source>The order the groups are listed in</source>
        <translation>Die Reihenfolge, in der die Gruppen stehen</translation>
    </message>
    <message>
        <source>Sort:</source>
        <translation>Sortieren:</translation>
    </message>
    <message>
        <source>Find:</source>
        <translation>Finden:</translation>
    </message>
</context>
<context>
    <name>GroupListModel</name>
    <message>
        <source>{n} marked</source>
        <translation>{n} markiert</translation>
    </message>
    <message>
        <source>Keeps {path}</source>
        <translation>Behält {path}</translation>
    </message>
</context>
<context>
    <name>ImagePane</name>
    <message>
        <source>Scroll to zoom, drag to pan; both sides follow</source>
        <translation>Rad zum Zoomen, Ziehen zum Verschieben; beide Seiten folgen</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Lädt…</translation>
    </message>
    <message>
        <source>This photo cannot be shown</source>
        <translation>Dieses Foto lässt sich nicht zeigen</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <source>The system's language</source>
        <translation>Die Sprache des Systems</translation>
    </message>
    <message>
        <source>the system's language</source>
        <translation>die Sprache des Systems</translation>
    </message>
    <message>
        <source>photodedupe speaks {language} from its next start.</source>
        <translation>photodedupe spricht ab dem nächsten Start {language}.</translation>
    </message>
</context>
<context>
    <name>LoupeDialog</name>
    <message>
        <source>Loupe — {photo}</source>
        <translation>Lupe — {photo}</translation>
    </message>
    <message>
        <source>100 %: one pixel of the photo for one pixel of the screen; drag to pan</source>
        <translation>100 %: ein Pixel des Fotos je Pixel des Bildschirms; Ziehen verschiebt</translation>
    </message>
    <message>
        <source>{photo} at 100 %</source>
        <translation>{photo} bei 100 %</translation>
    </message>
    <message>
        <source>&lt;b&gt;{photo}&lt;/b&gt; — 100 %, at its sharpest spot · {why}</source>
        <translation>&lt;b&gt;{photo}&lt;/b&gt; — 100 %, an seiner schärfsten Stelle · {why}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Photos in reference folders are always kept and cannot be marked.</source>
        <translation>Fotos in Referenzordnern bleiben immer und lassen sich nicht markieren.</translation>
    </message>
    <message>
        <source>Moving: {done} of {total}</source>
        <translation>Verschiebe: {done} von {total}</translation>
    </message>
    <message>
        <source>Reading your photos… groups appear here as they are found.</source>
        <translation>Lese Ihre Fotos… Gruppen erscheinen hier, sobald sie gefunden sind.</translation>
    </message>
    <message>
        <source>Finding the series of your shoot and measuring their frames… they appear here next.</source>
        <translation>Suche die Serien Ihres Shootings und messe ihre Bilder… sie erscheinen gleich hier.</translation>
    </message>
    <message>
        <source>Left out of scans: {folder} (Edit ▸ Excluded folders… brings it back)</source>
        <translation>Beim Durchsuchen ausgelassen: {folder} (Bearbeiten ▸ Ausgeschlossene Ordner… holt ihn zurück)</translation>
    </message>
    <message>
        <source>{folder} is left out of scans now; scanning again…</source>
        <translation>{folder} wird jetzt beim Durchsuchen ausgelassen; durchsuche erneut…</translation>
    </message>
    <message>
        <source>Looking for photos…</source>
        <translation>Suche Fotos…</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Halte an…</translation>
    </message>
    <message>
        <source>Scan cancelled. Photos read so far are remembered; Scan again to go on.</source>
        <translation>Suche abgebrochen. Bisher gelesene Fotos sind gemerkt; zum Weitermachen noch einmal durchsuchen.</translation>
    </message>
    <message>
        <source>“Mark all but the best” now keeps: {rules}.</source>
        <translation>„Alle außer dem besten markieren“ behält jetzt: {rules}.</translation>
    </message>
    <message>
        <source>Mark every photo of this group except the best: {rules}</source>
        <translation>Jedes Foto dieser Gruppe außer dem besten markieren: {rules}</translation>
    </message>
    <message>
        <source>In every group, mark every photo except the best: {rules}</source>
        <translation>In jeder Gruppe jedes Foto außer dem besten markieren: {rules}</translation>
    </message>
    <message>
        <source>Move the marked photos to…</source>
        <translation>Die markierten Fotos verschieben nach…</translation>
    </message>
    <message>
        <source>Problem files and other files</source>
        <translation>Problemdateien und andere Dateien</translation>
    </message>
</context>
<context>
    <name>Menu</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>Something went wrong</source>
        <translation>Etwas ist schiefgegangen</translation>
    </message>
    <message>
        <source>About photodedupe</source>
        <translation>Über photodedupe</translation>
    </message>
    <message>
        <source>&lt;p&gt;Finds near-duplicate photos — copies, resized and re-saved versions, edits — and moves the ones you reject to the Trash. Nothing is ever deleted permanently. In Shots mode it ranks the frames of each burst of a shoot, sharpest first.&lt;/p&gt;&lt;p&gt;Photos are compared with a 128-bit difference hash; the slider sets how many bits two photos may differ by.&lt;/p&gt;&lt;p&gt;MIT licence.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Findet fast gleiche Fotos — Kopien, verkleinerte und neu gespeicherte Fassungen, Bearbeitungen — und verschiebt die abgelehnten in den Papierkorb. Nichts wird je endgültig gelöscht. Im Modus Serien ordnet es die Bilder jeder Serie eines Shootings, das schärfste zuerst.&lt;/p&gt;&lt;p&gt;Fotos werden mit einem 128-Bit-Differenz-Hash verglichen; der Regler bestimmt, um wie viele Bits zwei Fotos abweichen dürfen.&lt;/p&gt;&lt;p&gt;MIT-Lizenz.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>PhotoCommands</name>
    <message>
        <source>not measured (Shots mode measures frames)</source>
        <translation>nicht gemessen (der Modus Serien misst die Bilder)</translation>
    </message>
</context>
<context>
    <name>PhotoGridModel</name>
    <message>
        <source>★ The photo this group keeps: {why}</source>
        <translation>★ Das Foto, das diese Gruppe behält: {why}</translation>
    </message>
    <message>
        <source>One shot with {name} (RAW+JPEG): “Mark all but the best” keeps them together</source>
        <translation>Eine Aufnahme mit {name} (RAW+JPEG): „Alle außer dem besten markieren“ hält sie zusammen</translation>
    </message>
    <message>
        <source>One shot with {name} (RAW+JPEG): “Mark all but the best” may keep only one</source>
        <translation>Eine Aufnahme mit {name} (RAW+JPEG): „Alle außer dem besten markieren“ behält vielleicht nur eines</translation>
    </message>
    <message>
        <source>Kept: {why}</source>
        <translation>Bleibt: {why}</translation>
    </message>
    <message>
        <source>kept</source>
        <translation>bleibt</translation>
    </message>
    <message>
        <source>in a reference folder, always kept</source>
        <translation>in einem Referenzordner, bleibt immer</translation>
    </message>
    <message>
        <source>{width} by {height}</source>
        <translation>{width} mal {height}</translation>
    </message>
    <message>
        <source>marked for the trash</source>
        <translation>für den Papierkorb markiert</translation>
    </message>
    <message>
        <source>not marked</source>
        <translation>nicht markiert</translation>
    </message>
</context>
<context>
    <name>ProblemsDialog</name>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Show in Folder</source>
        <translation>Im Ordner zeigen</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Copy Paths</source>
        <translation>Pfade kopieren</translation>
    </message>
    <message>
        <source>Copy Path</source>
        <translation>Pfad kopieren</translation>
    </message>
</context>
<context>
    <name>RulesDialog</name>
    <message>
        <source>Which photo to keep</source>
        <translation>Welches Foto bleibt</translation>
    </message>
    <message>
        <source>In each group, “Mark all but the best” keeps one photo: one in a reference folder if there is one, then the best by the rules ticked here, the first rule first (the next rule decides only where the ones above tie). Drag to reorder.</source>
        <translation>In jeder Gruppe behält „Alle außer dem besten markieren“ ein Foto: eines in einem Referenzordner, wenn es eines gibt, sonst das beste nach den hier angehakten Regeln, die erste Regel zuerst (die nächste Regel entscheidet nur, wo die oberen gleichauf sind). Zum Umordnen ziehen.</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Nach oben</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Nach unten</translation>
    </message>
    <message>
        <source>Move the selected rule up: it counts before the rules below it</source>
        <translation>Die gewählte Regel nach oben schieben: sie zählt vor den Regeln darunter</translation>
    </message>
    <message>
        <source>Move the selected rule down: it decides only where the rules above tie</source>
        <translation>Die gewählte Regel nach unten schieben: sie entscheidet nur, wo die Regeln darüber gleichstehen</translation>
    </message>
    <message>
        <source>Defaults</source>
        <translation>Vorgaben</translation>
    </message>
    <message>
        <source>Put back the rules photodedupe starts with</source>
        <translation>Die Regeln wiederherstellen, mit denen photodedupe beginnt</translation>
    </message>
    <message>
        <source>Add folder…</source>
        <translation>Ordner hinzufügen…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Add a folder whose photos are kept before the same photos elsewhere</source>
        <translation>Einen Ordner hinzufügen, dessen Fotos vor denselben Fotos anderswo behalten werden</translation>
    </message>
    <message>
        <source>Remove the selected preferred folders from the list</source>
        <translation>Die gewählten bevorzugten Ordner aus der Liste entfernen</translation>
    </message>
    <message>
        <source>Keep a RAW and the JPEG shot with it together (same folder and name)</source>
        <translation>Ein RAW und das mit ihm aufgenommene JPEG zusammen behalten (gleicher Ordner und Name)</translation>
    </message>
    <message>
        <source>Preferred folders (for “In a preferred folder”):</source>
        <translation>Bevorzugte Ordner (für „In einem bevorzugten Ordner“):</translation>
    </message>
    <message>
        <source>Preferred folder</source>
        <translation>Bevorzugter Ordner</translation>
    </message>
    <message>
        <source>&lt;b&gt;Keeps:&lt;/b&gt; {rules}.</source>
        <translation>&lt;b&gt;Behält:&lt;/b&gt; {rules}.</translation>
    </message>
</context>
<context>
    <name>SearchResultsDialog</name>
    <message>
        <source>Photos like this one</source>
        <translation>Fotos wie dieses</translation>
    </message>
    <message>
        <source>No scanned photo is within {bits} bits of &lt;b&gt;{name}&lt;/b&gt;. Move the similarity slider to the right to look further.</source>
        <translation>Kein durchsuchtes Foto liegt bis {bits} Bits von &lt;b&gt;{name}&lt;/b&gt; entfernt. Den Ähnlichkeitsregler nach rechts schieben, um weiter zu suchen.</translation>
    </message>
    <message>
        <source>turned or mirrored</source>
        <translation>gedreht oder gespiegelt</translation>
    </message>
    <message>
        <source>(the example itself)</source>
        <translation>(das Beispiel selbst)</translation>
    </message>
    <message>
        <source>Show in folder</source>
        <translation>Im Ordner zeigen</translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <source>Move between photos</source>
        <translation>Zwischen Fotos wechseln</translation>
    </message>
    <message>
        <source>Arrow keys</source>
        <translation>Pfeiltasten</translation>
    </message>
    <message>
        <source>In compare: previous / next photo</source>
        <translation>Im Vergleich: voriges / nächstes Foto</translation>
    </message>
    <message>
        <source>In compare: whole photos / 100 %</source>
        <translation>Im Vergleich: ganze Fotos / 100 %</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Tasten</translation>
    </message>
</context>
<context>
    <name>ShownReview</name>
    <message>
        <source>Marked ★ {photo}, the photo its group keeps.</source>
        <translation>★ {photo} markiert, das Foto, das seine Gruppe behält.</translation>
    </message>
    <message>
        <source>★ {photo} is the photo its group keeps: keys never mark it. To mark it anyway, click the box in its corner.</source>
        <translation>★ {photo} ist das Foto, das seine Gruppe behält: Tasten markieren es nie. Um es trotzdem zu markieren, das Kästchen in seiner Ecke anklicken.</translation>
    </message>
</context>
<context>
    <name>SimilaritySlider</name>
    <message>
        <source>How different two photos may be and still be grouped,
in bits of a {bits}-bit hash: {levels}</source>
        <translation>Wie verschieden zwei Fotos sein dürfen und trotzdem eine Gruppe bilden,
in Bits eines {bits}-Bit-Hashes: {levels}</translation>
    </message>
    <message>
        <source>Similarity</source>
        <translation>Ähnlichkeit</translation>
    </message>
    <message>
        <source>Similarity:</source>
        <translation>Ähnlichkeit:</translation>
    </message>
    <message>
        <source>Stricter</source>
        <translation>Strenger</translation>
    </message>
    <message>
        <source>Looser</source>
        <translation>Großzügiger</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Stop the scan (Esc); photos read so far are kept for next time</source>
        <translation>Die Suche anhalten (Esc); bisher gelesene Fotos bleiben fürs nächste Mal</translation>
    </message>
</context>
<context>
    <name>TileDelegate</name>
    <message>
        <source>★ Kept: {why}</source>
        <translation>★ Bleibt: {why}</translation>
    </message>
    <message>
        <source>No date taken</source>
        <translation>Kein Aufnahmedatum</translation>
    </message>
    <message>
        <source>Cannot show
this photo</source>
        <translation>Foto lässt sich
nicht zeigen</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Lädt…</translation>
    </message>
    <message>
        <source>Trash</source>
        <translation>Papierkorb</translation>
    </message>
    <message>
        <source>Reference folder</source>
        <translation>Referenzordner</translation>
    </message>
    <message>
        <source>Pick</source>
        <translation>Auswahl</translation>
    </message>
    <message>
        <source>Best</source>
        <translation>Bestes</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>Bleibt</translation>
    </message>
    <message>
        <source>Damaged</source>
        <translation>Beschädigt</translation>
    </message>
</context>
<context>
    <name>Workers</name>
    <message>
        <source>The operation failed unexpectedly.</source>
        <translation>Der Vorgang schlug unerwartet fehl.</translation>
    </message>
    <message>
        <source>{photo} cannot be used: {reason}</source>
        <translation>{photo} lässt sich nicht verwenden: {reason}</translation>
    </message>
</context>
</TS>