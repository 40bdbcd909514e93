// The resources are attached to this library by qt_add_resources; the library
// needs one translation unit of its own to exist.
namespace tw { [[maybe_unused]] static const char kResourcesLibrary[] = "tickerwire_resources"; }
