# core/ is the points domain: Qt Core + Sql only. A Widgets or Network header there would let UI
# or transport concerns leak into the ledger, so the build refuses such a tree. The check runs
# as a build step (not only at configure time) so an edit to a core file is caught at once.
# ui/ is screens and documents: it talks to core, never to the database, so no SQL header there.
if(CMAKE_SCRIPT_MODE_FILE)
    file(GLOB_RECURSE sources "${CORE_DIR}/*.h" "${CORE_DIR}/*.cpp")
    foreach(src IN LISTS sources)
        if(NO_SQL)
            file(STRINGS "${src}" bad REGEX "#include *[<\"](QtSql|QSql|sqlite3)")
            set(what "an SQL")
        else()
            file(STRINGS "${src}" bad REGEX
                 "#include *[<\"](QtWidgets|QtNetwork|QtHttpServer|QtGui|QWidget|QNetwork|QHttpServer|QSsl|QTcp|QMainWindow|QDialog|QApplication|QGuiApplication)")
            set(what "a GUI or network")
        endif()
        if(bad)
            message(FATAL_ERROR "Layering violation: ${src} includes ${what} header: ${bad}")
        endif()
    endforeach()
    return()
endif()

function(jifen_add_layering_check target dir)
    file(GLOB_RECURSE sources CONFIGURE_DEPENDS "${dir}/*.h" "${dir}/*.cpp")
    set(stamp "${CMAKE_CURRENT_BINARY_DIR}/${target}_layering.stamp")
    add_custom_command(OUTPUT "${stamp}"
        COMMAND ${CMAKE_COMMAND} -DCORE_DIR=${dir} -P "${CMAKE_SOURCE_DIR}/cmake/CheckLayering.cmake"
        COMMAND ${CMAKE_COMMAND} -E touch "${stamp}"
        DEPENDS ${sources} "${CMAKE_SOURCE_DIR}/cmake/CheckLayering.cmake"
        COMMENT "Checking that ${dir} includes no GUI or network header")
    add_custom_target(${target}_layering DEPENDS "${stamp}")
    add_dependencies(${target} ${target}_layering)
endfunction()

function(jifen_add_no_sql_check target dir)
    file(GLOB_RECURSE sources CONFIGURE_DEPENDS "${dir}/*.h" "${dir}/*.cpp")
    set(stamp "${CMAKE_CURRENT_BINARY_DIR}/${target}_no_sql.stamp")
    add_custom_command(OUTPUT "${stamp}"
        COMMAND ${CMAKE_COMMAND} -DCORE_DIR=${dir} -DNO_SQL=ON -P "${CMAKE_SOURCE_DIR}/cmake/CheckLayering.cmake"
        COMMAND ${CMAKE_COMMAND} -E touch "${stamp}"
        DEPENDS ${sources} "${CMAKE_SOURCE_DIR}/cmake/CheckLayering.cmake"
        COMMENT "Checking that ${dir} includes no SQL header")
    add_custom_target(${target}_no_sql DEPENDS "${stamp}")
    add_dependencies(${target} ${target}_no_sql)
endfunction()
