"""Touch-sized building blocks shared by the screens: buttons, the image view, settings bar, stop rows,
the timeline strip, kinetic scrolling."""
