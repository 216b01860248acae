"""The interface's own wording, per language (exhibit text lives in YAML).

A language the exhibit uses but this table lacks falls back to English for
the buttons only; the exhibit's content is still shown in that language.
"""

from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
    "es": {
        "touch": "Toca para explorar",
        "home": "Inicio",
        "previous": "Anterior",
        "next": "Siguiente",
        "start": "Comenzar",
        "close": "Cerrar",
        "listen": "Escuchar",
        "stop_listening": "Detener",
        "text_size": "Tamaño del texto",
        "contrast": "Alto contraste",
        "still_there": "¿Sigues ahí?",
        "touch_continue": "Toca la pantalla para continuar.",
        "image_missing": "Imagen no disponible",
        "timeline": "Línea de tiempo",
        "reading": "Para saber más",
        "credits": "Créditos",
        "zoom_hint": "Pellizca o toca dos veces para ampliar",
        "stop_of": "{n} de {total}",
        "language": "Idioma",
        "open_image": "Ampliar imagen",
        "back": "Volver",
        "reduce_motion": "Reducir movimiento",
        "listening": "Escuchando",
        "listen_unavailable": "Narración no disponible",
        "keys_hint": (
            "Usa las flechas arriba y abajo para moverte por los botones, y la tecla central para elegir. "
            "Izquierda y derecha pasan de una parada a otra. La tecla A lee el texto en voz alta, "
            "la tecla D describe la imagen y la tecla S habla más despacio."
        ),
        "zoom_keys": "Con el teclado: Intro amplía, las flechas desplazan la imagen.",
        "still_there_keys": "Toca la pantalla o pulsa cualquier tecla para continuar.",
        "play": "Reproducir",
        "pause": "Pausa",
        "sound_on": "Activar sonido",
        "sound_off": "Silenciar",
        "captions_on": "Mostrar subtítulos",
        "captions_off": "Ocultar subtítulos",
        "transcript": "Transcripción",
        "hide_transcript": "Ocultar transcripción",
        "film": "Película",
        "recording": "Grabación",
        "quotation": "Cita",
        "clip_missing": "Este material no se puede reproducir ahora.",
        "clip_position": "Posición en el clip",
        "clip_keys": (
            "Con el teclado: Intro reproduce o pausa, izquierda y derecha avanzan o retroceden cinco segundos."
        ),
    },
    "en": {
        "touch": "Touch to explore",
        "home": "Home",
        "previous": "Previous",
        "next": "Next",
        "start": "Begin",
        "close": "Close",
        "listen": "Listen",
        "stop_listening": "Stop",
        "text_size": "Text size",
        "contrast": "High contrast",
        "still_there": "Are you still there?",
        "touch_continue": "Touch the screen to continue.",
        "image_missing": "Image unavailable",
        "timeline": "Timeline",
        "reading": "Further reading",
        "credits": "Credits",
        "zoom_hint": "Pinch or double-tap to zoom",
        "stop_of": "{n} of {total}",
        "language": "Language",
        "open_image": "Enlarge image",
        "back": "Back",
        "reduce_motion": "Reduce motion",
        "listening": "Listening",
        "listen_unavailable": "Narration unavailable",
        "keys_hint": (
            "Use the up and down arrows to move between buttons, and the centre key to choose. "
            "Left and right go from one stop to the next. The A key reads the text aloud, "
            "the D key describes the picture, and the S key makes the voice slower."
        ),
        "zoom_keys": "With the keypad: Enter zooms in, the arrows move the picture.",
        "still_there_keys": "Touch the screen or press any key to continue.",
        "play": "Play",
        "pause": "Pause",
        "sound_on": "Sound on",
        "sound_off": "Sound off",
        "captions_on": "Show captions",
        "captions_off": "Hide captions",
        "transcript": "Transcript",
        "hide_transcript": "Hide transcript",
        "film": "Film",
        "recording": "Recording",
        "quotation": "Quotation",
        "clip_missing": "This cannot be played just now.",
        "clip_position": "Position in the clip",
        "clip_keys": "With the keypad: Enter plays or pauses, left and right go back or on five seconds.",
    },
}


def tr(lang: str, key: str, **values: object) -> str:
    table = STRINGS.get(lang, STRINGS["en"])
    return table.get(key, STRINGS["en"][key]).format(**values)
