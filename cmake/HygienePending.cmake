# The targets that do not compile clean with the Qt hygiene yet
# (cmake/Warnings.cmake), each with the reason: the one place the gap is
# visible. Everything else has it on.
#
# Empty at present: every library (models, parsers, feeds, ui), the app, the
# tests and their helpers, the benchmarks and the icon renderer compile clean
# with it, and fuzz/ applies it too (cmake/QtHygiene.cmake). tickerwire_resources
# holds no code of ours (one placeholder unit and rcc's generated data), so it
# links neither the warnings nor the hygiene.
#
# To let a target fall behind for a while, name it with its reason:
#   tickerwire_hygiene_pending(REASON "why, and what is left" TARGETS some_target)
# and remove the line once it builds with -DTICKERWIRE_QT_HYGIENE_PENDING_TOO=ON.
