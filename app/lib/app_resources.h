#pragma once
// The icons and translations are compiled into the static library abri_app_lib; a static library's resource
// initialisers are only linked in when something references them, so every executable calls this once.
namespace abri::app {
void initResources();
}
