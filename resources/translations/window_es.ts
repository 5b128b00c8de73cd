<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="es">
<context>
    <name>Act</name>
    <message>
        <source>&amp;Add folder…</source>
        <translation>&amp;Añadir carpeta…</translation>
    </message>
    <message>
        <source>Add a folder to scan</source>
        <translation>Añadir una carpeta que analizar</translation>
    </message>
    <message>
        <source>&amp;Remove folder</source>
        <translation>&amp;Quitar carpeta</translation>
    </message>
    <message>
        <source>Remove selected folders</source>
        <translation>Quitar las carpetas seleccionadas</translation>
    </message>
    <message>
        <source>&amp;Scan</source>
        <translation>A&amp;nalizar</translation>
    </message>
    <message>
        <source>Scan the folders for duplicate photos</source>
        <translation>Buscar fotos duplicadas en las carpetas</translation>
    </message>
    <message>
        <source>&amp;Cancel scan</source>
        <translation>&amp;Cancelar análisis</translation>
    </message>
    <message>
        <source>Stop the scan</source>
        <translation>Detener el análisis</translation>
    </message>
    <message>
        <source>&amp;Find photos like…</source>
        <translation>&amp;Buscar fotos parecidas…</translation>
    </message>
    <message>
        <source>Pick a photo and see every scanned photo like it, nearest first (or drop a photo here)</source>
        <translation>Elegir una foto y ver todas las fotos analizadas parecidas, la más cercana primero (o soltar una foto aquí)</translation>
    </message>
    <message>
        <source>&amp;Export report…</source>
        <translation>E&amp;xportar informe…</translation>
    </message>
    <message>
        <source>Save the groups, with each photo's metadata and mark, as CSV or JSON</source>
        <translation>Guardar los grupos, con los metadatos y la marca de cada foto, como CSV o JSON</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>&amp;Toggle mark</source>
        <translation>&amp;Alternar marca</translation>
    </message>
    <message>
        <source>Mark or unmark the selected photos</source>
        <translation>Marcar o desmarcar las fotos seleccionadas</translation>
    </message>
    <message>
        <source>Mark all &amp;shown</source>
        <translation>Marcar todas las &amp;mostradas</translation>
    </message>
    <message>
        <source>Mark every photo the details table shows (as filtered), or every photo of the shown group, except each group's ★</source>
        <translation>Marcar cada foto que muestra la tabla de detalles (filtrada), o cada foto del grupo mostrado, salvo la ★ de cada grupo</translation>
    </message>
    <message>
        <source>Mark all but the &amp;best in this group</source>
        <translation>Marcar todas menos la &amp;mejor de este grupo</translation>
    </message>
    <message>
        <source>Mark every photo of this group except the best</source>
        <translation>Marcar cada foto de este grupo salvo la mejor</translation>
    </message>
    <message>
        <source>Mark all but the best in &amp;all groups</source>
        <translation>Marcar todas menos la mejor en &amp;todos los grupos</translation>
    </message>
    <message>
        <source>In every group, mark every photo except the best</source>
        <translation>En cada grupo, marcar cada foto salvo la mejor</translation>
    </message>
    <message>
        <source>Mark all but best</source>
        <translation>Marcar menos la mejor</translation>
    </message>
    <message>
        <source>&amp;Which photo to keep…</source>
        <translation>&amp;Qué foto conservar…</translation>
    </message>
    <message>
        <source>Choose and order the rules that “Mark all but the best” follows</source>
        <translation>Elegir y ordenar las reglas que sigue «Marcar todas menos la mejor»</translation>
    </message>
    <message>
        <source>Excluded &amp;folders…</source>
        <translation>&amp;Carpetas excluidas…</translation>
    </message>
    <message>
        <source>The folders and patterns left out of scans, one per line</source>
        <translation>Las carpetas y patrones que se omiten al analizar, uno por línea</translation>
    </message>
    <message>
        <source>&amp;Unmark this group</source>
        <translation>&amp;Desmarcar este grupo</translation>
    </message>
    <message>
        <source>Unmark this group</source>
        <translation>Desmarcar este grupo</translation>
    </message>
    <message>
        <source>Unmark a&amp;ll</source>
        <translation>Desmarcar &amp;todo</translation>
    </message>
    <message>
        <source>Unmark every photo</source>
        <translation>Desmarcar cada foto</translation>
    </message>
    <message>
        <source>&amp;Move marked to Trash…</source>
        <translation>&amp;Mover las marcadas a la papelera…</translation>
    </message>
    <message>
        <source>Move the marked photos to the Trash (you can undo)</source>
        <translation>Mover las fotos marcadas a la papelera (se puede deshacer)</translation>
    </message>
    <message>
        <source>Move to Trash</source>
        <translation>Mover a la papelera</translation>
    </message>
    <message>
        <source>Move marked to &amp;folder…</source>
        <translation>Mover las marcadas a una &amp;carpeta…</translation>
    </message>
    <message>
        <source>Move the marked photos into a folder you choose, instead of the Trash (you can undo)</source>
        <translation>Mover las fotos marcadas a una carpeta que elija, en lugar de la papelera (se puede deshacer)</translation>
    </message>
    <message>
        <source>&amp;Undo move to Trash</source>
        <translation>&amp;Deshacer el envío a la papelera</translation>
    </message>
    <message>
        <source>Put the last moved photos back</source>
        <translation>Devolver las últimas fotos movidas</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Deshacer</translation>
    </message>
    <message>
        <source>&amp;Details table</source>
        <translation>&amp;Tabla de detalles</translation>
    </message>
    <message>
        <source>Every photo of every group as a sortable table, with a filter (Ctrl+T again: thumbnails)</source>
        <translation>Cada foto de cada grupo en una tabla ordenable, con un filtro (Ctrl+T otra vez: miniaturas)</translation>
    </message>
    <message>
        <source>&amp;Compare…</source>
        <translation>&amp;Comparar…</translation>
    </message>
    <message>
        <source>Compare the selected photo with the ★ at full size (double-click)</source>
        <translation>Comparar la foto seleccionada con la ★ a tamaño completo (doble clic)</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Abrir</translation>
    </message>
    <message>
        <source>Open with the default viewer</source>
        <translation>Abrir con el visor predeterminado</translation>
    </message>
    <message>
        <source>Show in &amp;folder</source>
        <translation>Mostrar en la &amp;carpeta</translation>
    </message>
    <message>
        <source>Show the selected photo in the file manager</source>
        <translation>Mostrar la foto seleccionada en el gestor de archivos</translation>
    </message>
    <message>
        <source>E&amp;xclude this folder from scans</source>
        <translation>E&amp;xcluir esta carpeta de los análisis</translation>
    </message>
    <message>
        <source>Leave the selected photo's folder out of every scan (Edit ▸ Excluded folders… to undo)</source>
        <translation>Omitir la carpeta de la foto seleccionada en cada análisis (para deshacer: Editar ▸ Carpetas excluidas…)</translation>
    </message>
    <message>
        <source>&amp;Duplicates</source>
        <translation>&amp;Duplicados</translation>
    </message>
    <message>
        <source>Copies of one photo: keep one of each group</source>
        <translation>Copias de una foto: conservar una de cada grupo</translation>
    </message>
    <message>
        <source>S&amp;hots (culling)</source>
        <translation>&amp;Series (selección)</translation>
    </message>
    <message>
        <source>Bursts of a shoot: frames taken together, sharpest first; keep the best</source>
        <translation>Ráfagas de una sesión: tomas hechas juntas, la más nítida primero; conservar la mejor</translation>
    </message>
    <message>
        <source>&amp;Pick (keep)</source>
        <translation>&amp;Elegir (conservar)</translation>
    </message>
    <message>
        <source>Keep the selected photo (unmarked) and go to the next</source>
        <translation>Conservar la foto seleccionada (sin marcar) y pasar a la siguiente</translation>
    </message>
    <message>
        <source>Re&amp;ject</source>
        <translation>Re&amp;chazar</translation>
    </message>
    <message>
        <source>Mark the selected photo for the Trash and go to the next</source>
        <translation>Marcar la foto seleccionada para la papelera y pasar a la siguiente</translation>
    </message>
    <message>
        <source>Clear pick or reject</source>
        <translation>Quitar elección o rechazo</translation>
    </message>
    <message>
        <source>Neither picked nor rejected, and go to the next</source>
        <translation>Ni elegida ni rechazada, y pasar a la siguiente</translation>
    </message>
    <message>
        <source>&amp;Save picks as ratings…</source>
        <translation>&amp;Guardar las elecciones como valoraciones…</translation>
    </message>
    <message>
        <source>Shots: write each pick's stars and each reject's -1 into its XMP sidecar, for darktable, Lightroom, digiKam or Capture One (you can undo)</source>
        <translation>Series: escribir las estrellas de cada elegida y el -1 de cada rechazada en su archivo XMP adjunto, para darktable, Lightroom, digiKam o Capture One (se puede deshacer)</translation>
    </message>
    <message>
        <source>New sidecars named for &amp;Lightroom (NAME.xmp)</source>
        <translation>Nombrar los nuevos archivos adjuntos para &amp;Lightroom (NOMBRE.xmp)</translation>
    </message>
    <message>
        <source>Ratings go into a photo's existing sidecar; a new one is named NAME.xmp (Lightroom, Capture One) when this is ticked, else NAME.EXT.xmp (darktable, digiKam)</source>
        <translation>Las valoraciones van al archivo adjunto que ya tenga una foto; uno nuevo se llama NOMBRE.xmp (Lightroom, Capture One) si esto está marcado, si no NOMBRE.EXT.xmp (darktable, digiKam)</translation>
    </message>
    <message>
        <source>&amp;Loupe</source>
        <translation>&amp;Lupa</translation>
    </message>
    <message>
        <source>The selected photo at 100 %, where it is sharpest (Z or Esc closes)</source>
        <translation>La foto seleccionada al 100 %, donde está más nítida (Z o Esc cierra)</translation>
    </message>
    <message>
        <source>&amp;Next group</source>
        <translation>Grupo &amp;siguiente</translation>
    </message>
    <message>
        <source>Next group</source>
        <translation>Grupo siguiente</translation>
    </message>
    <message>
        <source>&amp;Previous group</source>
        <translation>Grupo &amp;anterior</translation>
    </message>
    <message>
        <source>Previous group</source>
        <translation>Grupo anterior</translation>
    </message>
    <message>
        <source>Larger thumbnails</source>
        <translation>Miniaturas más grandes</translation>
    </message>
    <message>
        <source>Smaller thumbnails</source>
        <translation>Miniaturas más pequeñas</translation>
    </message>
    <message>
        <source>&amp;Problem files…</source>
        <translation>Archivos con &amp;problemas…</translation>
    </message>
    <message>
        <source>List the files that could not be used, with the reason</source>
        <translation>Listar los archivos que no se pudieron usar, con el motivo</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Atajos de teclado</translation>
    </message>
    <message>
        <source>Every key the window answers to</source>
        <translation>Todas las teclas a las que responde la ventana</translation>
    </message>
    <message>
        <source>&amp;About photodedupe</source>
        <translation>&amp;Acerca de photodedupe</translation>
    </message>
</context>
<context>
    <name>CompareDialog</name>
    <message>
        <source>Compare photos</source>
        <translation>Comparar fotos</translation>
    </message>
    <message>
        <source>Zoom, as a share of the larger photo's own pixels (100 % is 1:1)</source>
        <translation>Zoom, como parte de los píxeles de la foto más grande (100 % es 1:1)</translation>
    </message>
    <message>
        <source>◀ Previous</source>
        <translation>◀ Anterior</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>Siguiente ▶</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Ajustar</translation>
    </message>
    <message>
        <source>100 %</source>
        <translation>100 %</translation>
    </message>
    <message>
        <source>Compare the previous photo of the group with the ★ (←)</source>
        <translation>Comparar la foto anterior del grupo con la ★ (←)</translation>
    </message>
    <message>
        <source>Compare the next photo of the group with the ★ (→)</source>
        <translation>Comparar la foto siguiente del grupo con la ★ (→)</translation>
    </message>
    <message>
        <source>Show the whole photos (F)</source>
        <translation>Mostrar las fotos enteras (F)</translation>
    </message>
    <message>
        <source>Show the larger photo at its real size, pixel for pixel (1); + and - zoom</source>
        <translation>Mostrar la foto más grande a su tamaño real, píxel a píxel (1); + y - hacen zoom</translation>
    </message>
    <message>
        <source>{n} of {total}</source>
        <translation>{n} de {total}</translation>
    </message>
    <message>
        <source>the photo kept (★): {why}</source>
        <translation>la foto conservada (★): {why}</translation>
    </message>
    <message>
        <source>the photo kept (★)</source>
        <translation>la foto conservada (★)</translation>
    </message>
    <message>
        <source>compared with {kept}: {note}</source>
        <translation>comparada con {kept}: {note}</translation>
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
        <translation>Abrir</translation>
    </message>
    <message>
        <source>Open with the default viewer</source>
        <translation>Abrir con el visor predeterminado</translation>
    </message>
    <message>
        <source>Show in folder</source>
        <translation>Mostrar en la carpeta</translation>
    </message>
    <message>
        <source>Show the photo in the file manager</source>
        <translation>Mostrar la foto en el gestor de archivos</translation>
    </message>
    <message>
        <source>{photo}, {caption}</source>
        <translation>{photo}, {caption}</translation>
    </message>
    <message>
        <source>Open {photo} with the default viewer</source>
        <translation>Abrir {photo} con el visor predeterminado</translation>
    </message>
    <message>
        <source>Show {photo} in the file manager</source>
        <translation>Mostrar {photo} en el gestor de archivos</translation>
    </message>
    <message>
        <source>Marked for Trash</source>
        <translation>Marcada para la papelera</translation>
    </message>
    <message>
        <source>Mark for Trash</source>
        <translation>Marcar para la papelera</translation>
    </message>
    <message>
        <source>In a reference folder: always kept</source>
        <translation>En una carpeta de referencia: siempre se conserva</translation>
    </message>
    <message>
        <source>Toggle the mark (Space)</source>
        <translation>Alternar la marca (barra espaciadora)</translation>
    </message>
    <message>
        <source>{photo} is in a reference folder: always kept</source>
        <translation>{photo} está en una carpeta de referencia: siempre se conserva</translation>
    </message>
    <message>
        <source>Mark or unmark {photo} for the Trash (Space)</source>
        <translation>Marcar o desmarcar {photo} para la papelera (barra espaciadora)</translation>
    </message>
</context>
<context>
    <name>CullBar</name>
    <message>
        <source>The longest time between two frames of one series (one camera, looking alike)</source>
        <translation>El tiempo máximo entre dos tomas de una serie (una misma cámara, parecidas)</translation>
    </message>
    <message>
        <source>Longest time between frames of a series</source>
        <translation>Tiempo máximo entre tomas de una serie</translation>
    </message>
    <message>
        <source>How many frames of each series “Mark all but the best” keeps</source>
        <translation>Cuántas tomas de cada serie conserva «Marcar todas menos la mejor»</translation>
    </message>
    <message>
        <source>Frames kept of each series</source>
        <translation>Tomas conservadas de cada serie</translation>
    </message>
    <message>
        <source>Series: frames within</source>
        <translation>Series: tomas a menos de</translation>
    </message>
    <message>
        <source>of each other · keep the best</source>
        <translation>entre sí · conservar las</translation>
    </message>
    <message>
        <source>of each</source>
        <translation>mejores de cada una</translation>
    </message>
</context>
<context>
    <name>CullMode</name>
    <message>
        <source>Scan your folders first; then Shots ranks the frames of each burst.</source>
        <translation>Analice primero sus carpetas; después Series ordena las tomas de cada ráfaga.</translation>
    </message>
    <message>
        <source>Measuring frames: {done} of {total}</source>
        <translation>Midiendo tomas: {done} de {total}</translation>
    </message>
    <message>
        <source>Finding the series and measuring their frames…</source>
        <translation>Buscando las series y midiendo sus tomas…</translation>
    </message>
</context>
<context>
    <name>DetailsModel</name>
    <message>
        <source>★ kept</source>
        <translation>★ se conserva</translation>
    </message>
    <message>
        <source>marked for the trash</source>
        <translation>marcada para la papelera</translation>
    </message>
    <message>
        <source>not marked</source>
        <translation>sin marcar</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguno</translation>
    </message>
    <message>
        <source>Files that travel with this photo:</source>
        <translation>Archivos que van con esta foto:</translation>
    </message>
</context>
<context>
    <name>DetailsTable</name>
    <message>
        <source>Marked</source>
        <translation>Marcada</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Grupo</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Ruta</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Tamaño</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>Resolución</translation>
    </message>
    <message>
        <source>Date taken</source>
        <translation>Fecha de toma</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Cámara</translation>
    </message>
    <message>
        <source>Distance</source>
        <translation>Distancia</translation>
    </message>
    <message>
        <source>Companions</source>
        <translation>Archivos asociados</translation>
    </message>
</context>
<context>
    <name>DetailsView</name>
    <message>
        <source>Filter by folder or name…</source>
        <translation>Filtrar por carpeta o nombre…</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>Filtro</translation>
    </message>
    <message>
        <source>Show only marked</source>
        <translation>Mostrar solo las marcadas</translation>
    </message>
</context>
<context>
    <name>FileOps</name>
    <message>
        <source>With them go the files that belong to them: {kinds} ({size}).</source>
        <translation>Con ellas van los archivos que les pertenecen: {kinds} ({size}).</translation>
    </message>
    <message>
        <source>Ratings, labels and keywords of a trashed copy are added to the kept photo's sidecar.</source>
        <translation>Las valoraciones, etiquetas y palabras clave de una copia tirada se añaden al archivo adjunto de la foto conservada.</translation>
    </message>
    <message>
        <source>New XMP sidecars will be named {style}.</source>
        <translation>Los nuevos archivos XMP adjuntos se llamarán {style}.</translation>
    </message>
    <message>
        <source>Nothing is marked. Mark photos first (Space, or “Mark all but the best”).</source>
        <translation>No hay nada marcado. Marque fotos primero (barra espaciadora, o «Marcar todas menos la mejor»).</translation>
    </message>
    <message>
        <source>Move to Trash</source>
        <translation>Mover a la papelera</translation>
    </message>
    <message>
        <source>Move {what} ({size}) to the Trash?</source>
        <translation>¿Mover {what} ({size}) a la papelera?</translation>
    </message>
    <message>
        <source>They can be restored from the Trash, or with Undo (Ctrl+Z).</source>
        <translation>Se pueden recuperar de la papelera, o con Deshacer (Ctrl+Z).</translation>
    </message>
    <message>
        <source>Move {n} to Trash</source>
        <translation>Mover {n} a la papelera</translation>
    </message>
    <message>
        <source>Keep their folders</source>
        <translation>Conservar sus carpetas</translation>
    </message>
    <message>
        <source>All in one folder</source>
        <translation>Todas en una carpeta</translation>
    </message>
    <message>
        <source>Move to folder</source>
        <translation>Mover a una carpeta</translation>
    </message>
    <message>
        <source>Move the marked photos into {folder}?</source>
        <translation>¿Mover las fotos marcadas a {folder}?</translation>
    </message>
    <message>
        <source>Keep each photo's folders inside it (as under the scanned folders), or put them all side by side? A name already there is never overwritten. Undo (Ctrl+Z) puts them back.</source>
        <translation>¿Conservar dentro las carpetas de cada foto (como bajo las carpetas analizadas) o ponerlas todas juntas? Un nombre que ya exista nunca se sobrescribe. Deshacer (Ctrl+Z) las devuelve.</translation>
    </message>
    <message>
        <source>Are you sure you want to move all of them to the Trash?</source>
        <translation>¿Seguro que quiere moverlas todas a la papelera?</translation>
    </message>
    <message>
        <source>Are you sure you want to move all of them to {folder}?</source>
        <translation>¿Seguro que quiere moverlas todas a {folder}?</translation>
    </message>
    <message>
        <source>Every photo of a group is marked</source>
        <translation>Todas las fotos de un grupo están marcadas</translation>
    </message>
    <message>
        <source>Move them all</source>
        <translation>Moverlas todas</translation>
    </message>
    <message>
        <source>Moved {what} to the Trash; emptying it frees {size}.</source>
        <translation>{what} movidas a la papelera; vaciarla libera {size}.</translation>
    </message>
    <message>
        <source>Moved {what} ({size}) to {folder}.</source>
        <translation>{what} ({size}) movidas a {folder}.</translation>
    </message>
    <message>
        <source>Undo with Ctrl+Z.</source>
        <translation>Deshacer con Ctrl+Z.</translation>
    </message>
    <message>
        <source>Some photos were not moved</source>
        <translation>Algunas fotos no se movieron</translation>
    </message>
    <message>
        <source>Put {what} back where they were.</source>
        <translation>{what} devueltas a su sitio.</translation>
    </message>
    <message>
        <source>Some photos were not put back</source>
        <translation>Algunas fotos no se devolvieron</translation>
    </message>
    <message>
        <source>These photos are still in the Trash:</source>
        <translation>Estas fotos siguen en la papelera:</translation>
    </message>
    <message>
        <source>Put them back</source>
        <translation>Devolverlas</translation>
    </message>
    <message>
        <source>Finish moving</source>
        <translation>Terminar de mover</translation>
    </message>
    <message>
        <source>A move to the Trash was interrupted</source>
        <translation>Se interrumpió un envío a la papelera</translation>
    </message>
    <message>
        <source>photodedupe stopped while moving photos to the Trash ({when}): {in_trash}, {pending}.</source>
        <translation>photodedupe se detuvo mientras movía fotos a la papelera ({when}): {in_trash}, {pending}.</translation>
    </message>
    <message>
        <source>No photo is lost. Put the moved ones back, or finish moving the rest?</source>
        <translation>No se ha perdido ninguna foto. ¿Devolver las movidas o terminar de mover el resto?</translation>
    </message>
    <message>
        <source>Decide later</source>
        <translation>Decidir más tarde</translation>
    </message>
    <message>
        <source>Save picks as ratings works in Shots (Ctrl+2), with frames picked or rejected.</source>
        <translation>Guardar las elecciones como valoraciones funciona en Series (Ctrl+2), con tomas elegidas o rechazadas.</translation>
    </message>
    <message>
        <source>Nothing is picked or rejected yet: P picks a frame, X rejects it.</source>
        <translation>Aún no hay nada elegido ni rechazado: P elige una toma, X la rechaza.</translation>
    </message>
    <message>
        <source>Save picks as ratings</source>
        <translation>Guardar las elecciones como valoraciones</translation>
    </message>
    <message>
        <source>{picks} the stars you choose, {rejects} -1 (rejected), as darktable, Lightroom, digiKam and Capture One read them. A photo's existing sidecar keeps its name and every other field; a new one is named {style}. The photos themselves are not changed. Undo (Ctrl+Z) takes it back.</source>
        <translation>{picks} las estrellas que elija, {rejects} -1 (rechazada), tal como las leen darktable, Lightroom, digiKam y Capture One. El archivo adjunto que ya tenga una foto conserva su nombre y los demás campos; uno nuevo se llama {style}. Las fotos no se modifican. Deshacer (Ctrl+Z) lo revierte.</translation>
    </message>
    <message>
        <source>; {n} already said so</source>
        <translation>; {n} ya lo decían</translation>
    </message>
    <message>
        <source>These frames' sidecars were left as they were:</source>
        <translation>Los archivos adjuntos de estas tomas se quedaron como estaban:</translation>
    </message>
    <message>
        <source>Some ratings were not saved</source>
        <translation>Algunas valoraciones no se guardaron</translation>
    </message>
</context>
<context>
    <name>FindAndExport</name>
    <message>
        <source>Nothing to export yet: scan your folders first.</source>
        <translation>Aún no hay nada que exportar: analice primero sus carpetas.</translation>
    </message>
    <message>
        <source>Export report</source>
        <translation>Exportar informe</translation>
    </message>
    <message>
        <source>CSV, for spreadsheets (*.csv)</source>
        <translation>CSV, para hojas de cálculo (*.csv)</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>The report could not be saved: {error}</source>
        <translation>No se pudo guardar el informe: {error}</translation>
    </message>
    <message>
        <source>Report saved to {path}: {groups}; {size} reclaimable in {n} photos.</source>
        <translation>Informe guardado en {path}: {groups}; {size} recuperables en {n} fotos.</translation>
    </message>
    <message>
        <source>Photos ({patterns})</source>
        <translation>Fotos ({patterns})</translation>
    </message>
    <message>
        <source>Find photos like…</source>
        <translation>Buscar fotos parecidas…</translation>
    </message>
    <message>
        <source>Scan your folders first; then drop a photo to find the ones like it.</source>
        <translation>Analice primero sus carpetas; después suelte una foto para encontrar las parecidas.</translation>
    </message>
    <message>
        <source>Looking for photos like {photo}…</source>
        <translation>Buscando fotos parecidas a {photo}…</translation>
    </message>
</context>
<context>
    <name>FolderList</name>
    <message>
        <source>Folders to scan. Tick a folder to make it a reference folder: its photos are kept
and never marked or moved to the trash (e.g. your organised archive).</source>
        <translation>Carpetas que analizar. Marque una carpeta para hacerla carpeta de referencia: sus fotos se conservan
y nunca se marcan ni van a la papelera (p. ej. su archivo ordenado).</translation>
    </message>
    <message>
        <source>Tick to keep every photo in it (reference folder)</source>
        <translation>Márquela para conservar todas sus fotos (carpeta de referencia)</translation>
    </message>
</context>
<context>
    <name>FolderPanel</name>
    <message>
        <source>Add folder…</source>
        <translation>Añadir carpeta…</translation>
    </message>
    <message>
        <source>Choose a folder to scan (Ctrl+O); you can also drop folders on the window</source>
        <translation>Elegir una carpeta que analizar (Ctrl+O); también puede soltar carpetas en la ventana</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Remove the selected folders from the list (their photos stay on disk)</source>
        <translation>Quitar las carpetas seleccionadas de la lista (sus fotos se quedan en el disco)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Folders&lt;/b&gt; (tick = reference, always kept)</source>
        <translation>&lt;b&gt;Carpetas&lt;/b&gt; (marcada = referencia, siempre se conserva)</translation>
    </message>
    <message>
        <source>Add a folder to scan</source>
        <translation>Añadir una carpeta que analizar</translation>
    </message>
    <message>
        <source>Exclude this folder</source>
        <translation>Excluir esta carpeta</translation>
    </message>
    <message>
        <source>Leave “{folder}” out of every scan from now on?</source>
        <translation>¿Omitir «{folder}» en todos los análisis a partir de ahora?</translation>
    </message>
    <message>
        <source>Its photos leave the groups and are not read again. Nothing is moved or deleted. To scan it again: Edit ▸ Excluded folders…</source>
        <translation>Sus fotos salen de los grupos y no se vuelven a leer. No se mueve ni se borra nada. Para analizarla de nuevo: Editar ▸ Carpetas excluidas…</translation>
    </message>
    <message>
        <source>Leave it out</source>
        <translation>Omitirla</translation>
    </message>
    <message>
        <source>Excluded folders</source>
        <translation>Carpetas excluidas</translation>
    </message>
    <message>
        <source>Folders and patterns left out of scans, one per line
(a folder's path, a name such as Backup, or a pattern such as */Export/*):</source>
        <translation>Carpetas y patrones omitidos en los análisis, uno por línea
(la ruta de una carpeta, un nombre como Backup o un patrón como */Export/*):</translation>
    </message>
</context>
<context>
    <name>GroupColumn</name>
    <message>
        <source>Groups of near-duplicate photos, in the order Sort says (Ctrl+↑/↓)</source>
        <translation>Grupos de fotos casi duplicadas, en el orden de «Ordenar» (Ctrl+↑/↓)</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>Grupos</translation>
    </message>
    <message>
        <source>The order the groups are listed in</source>
        <translation>El orden en que se listan los grupos</translation>
    </message>
    <message>
        <source>Sort:</source>
        <translation>Ordenar:</translation>
    </message>
    <message>
        <source>Find:</source>
        <translation>Buscar:</translation>
    </message>
</context>
<context>
    <name>GroupListModel</name>
    <message>
        <source>{n} marked</source>
        <translation>{n} marcadas</translation>
    </message>
    <message>
        <source>Keeps {path}</source>
        <translation>Conserva {path}</translation>
    </message>
</context>
<context>
    <name>ImagePane</name>
    <message>
        <source>Scroll to zoom, drag to pan; both sides follow</source>
        <translation>Rueda para el zoom, arrastrar para desplazar; los dos lados siguen</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
    <message>
        <source>This photo cannot be shown</source>
        <translation>Esta foto no se puede mostrar</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Idioma</translation>
    </message>
    <message>
        <source>The system's language</source>
        <translation>El idioma del sistema</translation>
    </message>
    <message>
        <source>the system's language</source>
        <translation>el idioma del sistema</translation>
    </message>
    <message>
        <source>photodedupe speaks {language} from its next start.</source>
        <translation>photodedupe hablará {language} desde su próximo inicio.</translation>
    </message>
</context>
<context>
    <name>LoupeDialog</name>
    <message>
        <source>Loupe — {photo}</source>
        <translation>Lupa — {photo}</translation>
    </message>
    <message>
        <source>100 %: one pixel of the photo for one pixel of the screen; drag to pan</source>
        <translation>100 %: un píxel de la foto por cada píxel de la pantalla; arrastre para desplazar</translation>
    </message>
    <message>
        <source>{photo} at 100 %</source>
        <translation>{photo} al 100 %</translation>
    </message>
    <message>
        <source>&lt;b&gt;{photo}&lt;/b&gt; — 100 %, at its sharpest spot · {why}</source>
        <translation>&lt;b&gt;{photo}&lt;/b&gt; — 100 %, en su punto más nítido · {why}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Photos in reference folders are always kept and cannot be marked.</source>
        <translation>Las fotos de las carpetas de referencia siempre se conservan y no se pueden marcar.</translation>
    </message>
    <message>
        <source>Moving: {done} of {total}</source>
        <translation>Moviendo: {done} de {total}</translation>
    </message>
    <message>
        <source>Reading your photos… groups appear here as they are found.</source>
        <translation>Leyendo sus fotos… los grupos aparecen aquí a medida que se encuentran.</translation>
    </message>
    <message>
        <source>Finding the series of your shoot and measuring their frames… they appear here next.</source>
        <translation>Buscando las series de su sesión y midiendo sus tomas… aparecerán aquí.</translation>
    </message>
    <message>
        <source>Left out of scans: {folder} (Edit ▸ Excluded folders… brings it back)</source>
        <translation>Omitida en los análisis: {folder} (Editar ▸ Carpetas excluidas… la recupera)</translation>
    </message>
    <message>
        <source>{folder} is left out of scans now; scanning again…</source>
        <translation>{folder} se omite ahora en los análisis; analizando de nuevo…</translation>
    </message>
    <message>
        <source>Looking for photos…</source>
        <translation>Buscando fotos…</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Deteniendo…</translation>
    </message>
    <message>
        <source>Scan cancelled. Photos read so far are remembered; Scan again to go on.</source>
        <translation>Análisis cancelado. Las fotos leídas hasta ahora se recuerdan; vuelva a analizar para seguir.</translation>
    </message>
    <message>
        <source>“Mark all but the best” now keeps: {rules}.</source>
        <translation>«Marcar todas menos la mejor» conserva ahora: {rules}.</translation>
    </message>
    <message>
        <source>Mark every photo of this group except the best: {rules}</source>
        <translation>Marcar cada foto de este grupo salvo la mejor: {rules}</translation>
    </message>
    <message>
        <source>In every group, mark every photo except the best: {rules}</source>
        <translation>En cada grupo, marcar cada foto salvo la mejor: {rules}</translation>
    </message>
    <message>
        <source>Move the marked photos to…</source>
        <translation>Mover las fotos marcadas a…</translation>
    </message>
    <message>
        <source>Problem files and other files</source>
        <translation>Archivos con problemas y otros archivos</translation>
    </message>
</context>
<context>
    <name>Menu</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Editar</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ay&amp;uda</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>Something went wrong</source>
        <translation>Algo salió mal</translation>
    </message>
    <message>
        <source>About photodedupe</source>
        <translation>Acerca de photodedupe</translation>
    </message>
    <message>
        <source>&lt;p&gt;Finds near-duplicate photos — copies, resized and re-saved versions, edits — and moves the ones you reject to the Trash. Nothing is ever deleted permanently. In Shots mode it ranks the frames of each burst of a shoot, sharpest first.&lt;/p&gt;&lt;p&gt;Photos are compared with a 128-bit difference hash; the slider sets how many bits two photos may differ by.&lt;/p&gt;&lt;p&gt;MIT licence.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Encuentra fotos casi duplicadas — copias, versiones reducidas o vueltas a guardar, ediciones — y mueve a la papelera las que rechace. Nunca se borra nada definitivamente. En el modo Series ordena las tomas de cada ráfaga de una sesión, la más nítida primero.&lt;/p&gt;&lt;p&gt;Las fotos se comparan con un hash de diferencia de 128 bits; el control fija en cuántos bits pueden diferir dos fotos.&lt;/p&gt;&lt;p&gt;Licencia MIT.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>PhotoCommands</name>
    <message>
        <source>not measured (Shots mode measures frames)</source>
        <translation>sin medir (el modo Series mide las tomas)</translation>
    </message>
</context>
<context>
    <name>PhotoGridModel</name>
    <message>
        <source>★ The photo this group keeps: {why}</source>
        <translation>★ La foto que conserva este grupo: {why}</translation>
    </message>
    <message>
        <source>One shot with {name} (RAW+JPEG): “Mark all but the best” keeps them together</source>
        <translation>Una sola toma con {name} (RAW+JPEG): «Marcar todas menos la mejor» las mantiene juntas</translation>
    </message>
    <message>
        <source>One shot with {name} (RAW+JPEG): “Mark all but the best” may keep only one</source>
        <translation>Una sola toma con {name} (RAW+JPEG): «Marcar todas menos la mejor» puede conservar solo una</translation>
    </message>
    <message>
        <source>Kept: {why}</source>
        <translation>Se conserva: {why}</translation>
    </message>
    <message>
        <source>kept</source>
        <translation>se conserva</translation>
    </message>
    <message>
        <source>in a reference folder, always kept</source>
        <translation>en una carpeta de referencia, siempre se conserva</translation>
    </message>
    <message>
        <source>{width} by {height}</source>
        <translation>{width} por {height}</translation>
    </message>
    <message>
        <source>marked for the trash</source>
        <translation>marcada para la papelera</translation>
    </message>
    <message>
        <source>not marked</source>
        <translation>sin marcar</translation>
    </message>
</context>
<context>
    <name>ProblemsDialog</name>
    <message>
        <source>File</source>
        <translation>Archivo</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Show in Folder</source>
        <translation>Mostrar en la carpeta</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Abrir</translation>
    </message>
    <message>
        <source>Copy Paths</source>
        <translation>Copiar las rutas</translation>
    </message>
    <message>
        <source>Copy Path</source>
        <translation>Copiar la ruta</translation>
    </message>
</context>
<context>
    <name>RulesDialog</name>
    <message>
        <source>Which photo to keep</source>
        <translation>Qué foto conservar</translation>
    </message>
    <message>
        <source>In each group, “Mark all but the best” keeps one photo: one in a reference folder if there is one, then the best by the rules ticked here, the first rule first (the next rule decides only where the ones above tie). Drag to reorder.</source>
        <translation>En cada grupo, «Marcar todas menos la mejor» conserva una foto: una de una carpeta de referencia si la hay, y si no la mejor según las reglas marcadas aquí, la primera regla primero (la siguiente solo decide donde las de arriba empatan). Arrastre para reordenar.</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Subir</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Bajar</translation>
    </message>
    <message>
        <source>Move the selected rule up: it counts before the rules below it</source>
        <translation>Subir la regla elegida: cuenta antes que las reglas de debajo</translation>
    </message>
    <message>
        <source>Move the selected rule down: it decides only where the rules above tie</source>
        <translation>Bajar la regla elegida: solo decide donde las reglas de arriba empatan</translation>
    </message>
    <message>
        <source>Defaults</source>
        <translation>Predeterminadas</translation>
    </message>
    <message>
        <source>Put back the rules photodedupe starts with</source>
        <translation>Volver a las reglas con las que empieza photodedupe</translation>
    </message>
    <message>
        <source>Add folder…</source>
        <translation>Añadir carpeta…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Add a folder whose photos are kept before the same photos elsewhere</source>
        <translation>Añadir una carpeta cuyas fotos se conservan antes que las mismas fotos en otro lugar</translation>
    </message>
    <message>
        <source>Remove the selected preferred folders from the list</source>
        <translation>Quitar de la lista las carpetas preferidas elegidas</translation>
    </message>
    <message>
        <source>Keep a RAW and the JPEG shot with it together (same folder and name)</source>
        <translation>Conservar juntos un RAW y el JPEG tomado con él (misma carpeta y nombre)</translation>
    </message>
    <message>
        <source>Preferred folders (for “In a preferred folder”):</source>
        <translation>Carpetas preferidas (para «En una carpeta preferida»):</translation>
    </message>
    <message>
        <source>Preferred folder</source>
        <translation>Carpeta preferida</translation>
    </message>
    <message>
        <source>&lt;b&gt;Keeps:&lt;/b&gt; {rules}.</source>
        <translation>&lt;b&gt;Conserva:&lt;/b&gt; {rules}.</translation>
    </message>
</context>
<context>
    <name>SearchResultsDialog</name>
    <message>
        <source>Photos like this one</source>
        <translation>Fotos parecidas a esta</translation>
    </message>
    <message>
        <source>No scanned photo is within {bits} bits of &lt;b&gt;{name}&lt;/b&gt;. Move the similarity slider to the right to look further.</source>
        <translation>Ninguna foto analizada está a {bits} bits como mucho de &lt;b&gt;{name}&lt;/b&gt;. Mueva el control de similitud a la derecha para buscar más lejos.</translation>
    </message>
    <message>
        <source>turned or mirrored</source>
        <translation>girada o reflejada</translation>
    </message>
    <message>
        <source>(the example itself)</source>
        <translation>(el propio ejemplo)</translation>
    </message>
    <message>
        <source>Show in folder</source>
        <translation>Mostrar en la carpeta</translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <source>Move between photos</source>
        <translation>Moverse entre fotos</translation>
    </message>
    <message>
        <source>Arrow keys</source>
        <translation>Teclas de flecha</translation>
    </message>
    <message>
        <source>In compare: previous / next photo</source>
        <translation>Al comparar: foto anterior / siguiente</translation>
    </message>
    <message>
        <source>In compare: whole photos / 100 %</source>
        <translation>Al comparar: fotos enteras / 100 %</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Atajos de teclado</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Teclas</translation>
    </message>
</context>
<context>
    <name>ShownReview</name>
    <message>
        <source>Marked ★ {photo}, the photo its group keeps.</source>
        <translation>★ {photo} marcada, la foto que conserva su grupo.</translation>
    </message>
    <message>
        <source>★ {photo} is the photo its group keeps: keys never mark it. To mark it anyway, click the box in its corner.</source>
        <translation>★ {photo} es la foto que conserva su grupo: las teclas nunca la marcan. Para marcarla de todos modos, pulse la casilla de su esquina.</translation>
    </message>
</context>
<context>
    <name>SimilaritySlider</name>
    <message>
        <source>How different two photos may be and still be grouped,
in bits of a {bits}-bit hash: {levels}</source>
        <translation>Cuánto pueden diferir dos fotos y seguir agrupadas,
en bits de un hash de {bits} bits: {levels}</translation>
    </message>
    <message>
        <source>Similarity</source>
        <translation>Similitud</translation>
    </message>
    <message>
        <source>Similarity:</source>
        <translation>Similitud:</translation>
    </message>
    <message>
        <source>Stricter</source>
        <translation>Más estricto</translation>
    </message>
    <message>
        <source>Looser</source>
        <translation>Más amplio</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Stop the scan (Esc); photos read so far are kept for next time</source>
        <translation>Detener el análisis (Esc); las fotos leídas hasta ahora se guardan para la próxima vez</translation>
    </message>
</context>
<context>
    <name>TileDelegate</name>
    <message>
        <source>★ Kept: {why}</source>
        <translation>★ Se conserva: {why}</translation>
    </message>
    <message>
        <source>No date taken</source>
        <translation>Sin fecha de toma</translation>
    </message>
    <message>
        <source>Cannot show
this photo</source>
        <translation>No se puede mostrar
esta foto</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
    <message>
        <source>Trash</source>
        <translation>Papelera</translation>
    </message>
    <message>
        <source>Reference folder</source>
        <translation>Carpeta de referencia</translation>
    </message>
    <message>
        <source>Pick</source>
        <translation>Elegida</translation>
    </message>
    <message>
        <source>Best</source>
        <translation>Mejor</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>Conservar</translation>
    </message>
    <message>
        <source>Damaged</source>
        <translation>Dañada</translation>
    </message>
</context>
<context>
    <name>Workers</name>
    <message>
        <source>The operation failed unexpectedly.</source>
        <translation>La operación falló de forma inesperada.</translation>
    </message>
    <message>
        <source>{photo} cannot be used: {reason}</source>
        <translation>{photo} no se puede usar: {reason}</translation>
    </message>
</context>
</TS>